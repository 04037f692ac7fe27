import { MemberSet, SubAdminSet } from './groupSets.js';
import { indexUser, placeDisabled, placeLogin, placeNamed, unindexUser } from './listIndex.js';
import { countDisabledIn } from './memberships.js';
import type { Group, State, User } from './model.js';
import { StoredUser, type AccountWatcher } from './user.js';
import { addLookups, lookUpEmail, lookUpManagers, lookUpTokens, removeLookups } from './userLookup.js';

/**
 * The state's user and group maps: storing or deleting an entry (through the API or directly,
 * `mock.state.users.delete('bob')`) keeps every index beside them right, and a stored account
 * tells the state when an indexed field changes (./user.ts).
 */

function refuseOtherKey(kind: string, key: string, id: string): void {
  if (key !== id) throw new TypeError(`state.${kind}.set('${key}', …): the key must be the ${kind === 'users' ? 'account' : 'group'}'s id ('${id}')`);
}

export class UserMap extends Map<string, User> implements AccountWatcher {
  #state: State | null = null;

  /** The state whose indexes this map keeps (before: a plain map). */
  attach(state: State): void {
    this.#state = state;
  }

  /** Stores an account made by newUser() (./user.ts); a replaced one is deleted first. */
  override set(uid: string, user: User): this {
    if (!this.#state) return super.set(uid, user);
    refuseOtherKey('users', uid, user.id);
    if (this.get(uid) === user) return this;
    this.load(user);
    indexUser(this.#state.lists, user);
    return this;
  }

  /**
   * Stores and indexes an account, except in the list orders: a state being loaded sorts those
   * once (./createState.ts), which is what set() adds.
   */
  load(user: User): void {
    const state = this.#state!;
    if (!(user instanceof StoredUser)) throw new TypeError(`state.users.set('${user.id}', …) takes an account made by newUser() (exported by ocs-mock)`);
    if (user.watcher) throw new TypeError(`state.users.set('${user.id}', …): the account is stored already`);
    if (this.has(user.id)) this.delete(user.id);
    super.set(user.id, user);
    user.watcher = this;
    addLookups(state.lookups, user);
    if (!user.enabled) countDisabledIn(state, user, 1);
  }

  /** A deleted account leaves every group and loses every sub-admin right (User::delete). */
  override delete(uid: string): boolean {
    const user = this.get(uid);
    const state = this.#state;
    if (!user || !state) return super.delete(uid);
    for (const gid of [...(state.subAdminGroups.get(uid) ?? [])]) state.groups.get(gid)?.subadmins.delete(uid);
    for (const gid of [...(state.userGroups.get(uid) ?? [])]) state.groups.get(gid)?.members.delete(uid);
    (user as StoredUser).watcher = null;
    removeLookups(state.lookups, user);
    unindexUser(state.lists, user);
    return super.delete(uid);
  }

  override clear(): void {
    for (const uid of [...this.keys()]) this.delete(uid);
  }

  displayNameChanged(user: User): void {
    placeNamed(this.#state!.lists, user);
  }

  emailChanged(user: User, old: string | null): void {
    lookUpEmail(this.#state!.lookups, user, old);
  }

  enabledChanged(user: User): void {
    placeDisabled(this.#state!.lists, user);
    countDisabledIn(this.#state!, user, user.enabled ? -1 : 1);
  }

  lastLoginChanged(user: User): void {
    placeLogin(this.#state!.lists, user);
  }

  managersChanged(user: User, old: readonly string[]): void {
    lookUpManagers(this.#state!.lookups, user, old);
  }

  appPasswordsChanged(user: User, old: readonly string[]): void {
    lookUpTokens(this.#state!.lookups, user, old);
  }
}

export class GroupMap extends Map<string, Group> {
  #state: State | null = null;

  attach(state: State): void {
    this.#state = state;
  }

  /**
   * Stores a group; its member and sub-admin sets are replaced by ones that keep the indexes
   * (./groupSets.ts), holding the same ids. A replaced group is deleted first.
   */
  override set(gid: string, group: Group): this {
    if (!this.#state) return super.set(gid, group);
    refuseOtherKey('groups', gid, group.id);
    if (this.get(gid) === group) return this;
    this.load(group);
    this.#state.lists.groupsById.insert(group);
    return this;
  }

  /** Stores and indexes a group, except in the list order (./createState.ts sorts that once). */
  load(group: Group): void {
    const state = this.#state!;
    if (this.has(group.id)) this.delete(group.id);
    super.set(group.id, group);
    const members = group.members;
    const subadmins = group.subadmins;
    group.members = new MemberSet(state, group.id);
    group.subadmins = new SubAdminSet(state, group.id);
    for (const uid of members) group.members.add(uid);
    for (const uid of subadmins) group.subadmins.add(uid);
  }

  /** A deleted group takes its memberships and sub-admin rights with it. */
  override delete(gid: string): boolean {
    const group = this.get(gid);
    const state = this.#state;
    if (!group || !state) return super.delete(gid);
    (group.members as MemberSet).detach();
    (group.subadmins as SubAdminSet).detach();
    state.lists.groupsById.remove(group);
    return super.delete(gid);
  }

  override clear(): void {
    for (const gid of [...this.keys()]) this.delete(gid);
  }
}
