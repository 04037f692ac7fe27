import { describe, expect, it } from 'vitest';
import { freshMock } from '../support/mock.js';
import { newUser } from '../../src/state/user.js';
import { stateViolations } from './invariants.js';

describe('fuzz state invariants', () => {
  it('the default fixture holds them', async () => {
    const { mock } = await freshMock();
    expect(stateViolations(mock.state)).toEqual([]);
  });

  it('names a member missing on one side, an unknown sub-admin, ids that differ only in case and a lost admin group', async () => {
    const { mock } = await freshMock();
    const { state } = mock;
    // The group's own sets keep userGroups and sub-admin rights; only bypassing them leaves a side missing.
    Set.prototype.add.call(state.groups.get('group2')!.members, 'ghost');
    state.userGroups.get('bob')!.add('empty');
    state.groups.get('group1')!.subadmins.add('nobody');
    state.users.set('Bob', newUser('Bob', 'bob-password'));
    Map.prototype.delete.call(state.groups, 'admin');
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
