import { noteJoined, noteLeft } from './memberships.js';
import type { Group, State } from './model.js';
import { SortedList } from './sortedList.js';
import { noteGranted, noteRevoked } from './subAdminRights.js';
import { compareText } from './textOrder.js';

/**
 * A set of user ids that belongs to a stored group and tells the state of each change, whether made
 * through the API or directly (`mock.state.groups.get('group1')!.members.add('bob')`). Once the
 * group leaves the state (detach), later changes are the set's own.
 */
abstract class GroupUidSet extends Set<string> {
  #owner: State | null;

  constructor(
    owner: State,
    readonly gid: string,
  ) {
    super();
    this.#owner = owner;
  }

  protected abstract added(owner: State, uid: string): void;
  protected abstract removed(owner: State, uid: string): void;

  /** The group left the state: every id leaves it there. */
  detach(): void {
    const owner = this.#owner;
    this.#owner = null;
    if (owner) for (const uid of this) this.removed(owner, uid);
  }

  override add(uid: string): this {
    if (this.has(uid)) return this;
    super.add(uid);
    if (this.#owner) this.added(this.#owner, uid);
    return this;
  }

  override delete(uid: string): boolean {
    if (!super.delete(uid)) return false;
    if (this.#owner) this.removed(this.#owner, uid);
    return true;
  }

  override clear(): void {
    for (const uid of [...this]) this.delete(uid);
  }
}

/**
 * A stored group's members: each change updates the member's groups and the group's count of
 * disabled members (./memberships.ts). The members in id order are kept once read.
 */
export class MemberSet extends GroupUidSet {
  #byId: SortedList<string> | null = null;

  protected added(owner: State, uid: string): void {
    noteJoined(owner, this.gid, uid);
  }

  protected removed(owner: State, uid: string): void {
    noteLeft(owner, this.gid, uid);
  }

  override add(uid: string): this {
    if (!this.has(uid)) this.#byId?.insert(uid);
    return super.add(uid);
  }

  override delete(uid: string): boolean {
    if (this.has(uid)) this.#byId?.remove(uid);
    return super.delete(uid);
  }

  /** Group\Database::searchInGroup's `ORDER BY g.uid` (byte order), sorted at the first read. */
  byId(): SortedList<string> {
    return (this.#byId ??= new SortedList(compareText, [...this]));
  }
}

/** A stored group's sub-admins: each change updates the user's administered groups (./subAdminRights.ts). */
export class SubAdminSet extends GroupUidSet {
  protected added(owner: State, uid: string): void {
    noteGranted(owner, this.gid, uid);
  }

  protected removed(owner: State, uid: string): void {
    noteRevoked(owner, this.gid, uid);
  }
}

/** The group's members in id order (byte order). */
export function membersById(group: Group): SortedList<string> {
  return group.members instanceof MemberSet ? group.members.byId() : new SortedList(compareText, [...group.members]);
}
