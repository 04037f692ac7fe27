import { describe, expect, it } from 'vitest';
import { freshMock } from '../support/mock.js';
import { stateViolations } from './invariants.js';

describe('fuzz state invariants', () => {
  it('the default fixture holds them', async () => {
    const { mock } = await freshMock();
    expect(stateViolations(mock.state)).toEqual([]);
  });

  it('names a member missing on one side, an unknown sub-admin, ids that differ only in case and a lost admin group', async () => {
    const { mock } = await freshMock();
    const { state } = mock;
    state.groups.get('group2')!.members.add('ghost');
    state.userGroups.get('bob')!.add('empty');
    state.groups.get('group1')!.subadmins.add('nobody');
    state.users.set('Bob', { ...state.users.get('bob')!, id: 'Bob' });
    state.groups.delete('admin');
    expect(stateViolations(state)).toEqual([
      'the admin group is gone',
      'users bob and Bob differ only in case',
      'sub-admin nobody of group1 does not exist',
      'member ghost of group2 does not exist',
      'member ghost of group2 does not list the group',
      'userGroups says admin is in admin, the group does not',
      'userGroups says bob is in empty, the group does not',
    ]);
  });
});
