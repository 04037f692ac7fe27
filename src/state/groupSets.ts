import { noteJoined, noteLeft } from './memberships.js';
import type { Group, State } from './model.js';
import { SortedList } from './sortedList.js';
import { noteGranted, noteRevoked } from './subAdminRights.js';
import { compareText } from './textOrder.js';

/**
 * A stored group's members: adding or deleting one (through the API or directly,
 * `mock.state.groups.get('group1')!.members.add('bob')`) updates the member's groups and the
 * group's count of disabled members (./memberships.ts). The members in id order are kept once read.
 */
export class MemberSet extends Set<string> {
  #owner: State | null;
  #byId: SortedList<string> | null = null;

  constructor(
    owner: State,
    readonly gid: string,
  ) {
    super();
    this.#owner = owner;
  }

  /** The group left the state: its members leave it there; later changes are the set's own. */
  detach(): void {
    const owner = this.#owner;
    this.#owner = null;
    if (owner) for (const uid of this) noteLeft(owner, this.gid, uid);
  }

  override add(uid: string): this {
    if (this.has(uid)) return this;
    super.add(uid);
    this.#byId?.insert(uid);
    if (this.#owner) noteJoined(this.#owner, this.gid, uid);
    return this;
  }

  override delete(uid: string): boolean {
    if (!super.delete(uid)) return false;
    this.#byId?.remove(uid);
    if (this.#owner) noteLeft(this.#owner, this.gid, uid);
    return true;
  }

  override clear(): void {
    for (const uid of [...this]) this.delete(uid);
  }

  /** Group\Database::searchInGroup's `ORDER BY g.uid` (byte order), sorted at the first read. */
  byId(): SortedList<string> {
    return (this.#byId ??= new SortedList(compareText, [...this]));
  }
}

/** A stored group's sub-admins: each change updates the user's administered groups (./subAdminRights.ts). */
export class SubAdminSet extends Set<string> {
  #owner: State | null;

  constructor(
    owner: State,
    readonly gid: string,
  ) {
    super();
    this.#owner = owner;
  }

  /** The group left the state: its sub-admins lose the right there. */
  detach(): void {
    const owner = this.#owner;
    this.#owner = null;
    if (owner) for (const uid of this) noteRevoked(owner, this.gid, uid);
  }

  override add(uid: string): this {
    if (this.has(uid)) return this;
    super.add(uid);
    if (this.#owner) noteGranted(this.#owner, this.gid, uid);
    return this;
  }

  override delete(uid: string): boolean {
    if (!super.delete(uid)) return false;
    if (this.#owner) noteRevoked(this.#owner, this.gid, uid);
    return true;
  }

  override clear(): void {
    for (const uid of [...this]) this.delete(uid);
  }
}

/** The group's members in id order (byte order). */
export function membersById(group: Group): SortedList<string> {
  return group.members instanceof MemberSet ? group.members.byId() : new SortedList(compareText, [...group.members]);
}
