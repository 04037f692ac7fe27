import type { PhpValue } from '../../ocs/php.js';
import type { ReleaseProfile } from '../../releases/profile.js';
import type { State, User } from '../../state/model.js';
import type { ServerUrls } from './urls.js';

/** A PHP associative array, as one ICapability::getCapabilities() returns it. */
export type PhpMap = { [key: string]: PhpValue };

/** What a capability reads: the served release, the instance's state, who asks (null: anonymous) and its URLs. */
export interface CapabilityEnv {
  profile: ReleaseProfile;
  state: State;
  user: User | null;
  urls: ServerUrls;
}

/** One class registered with the CapabilitiesManager. */
export interface CapabilityProvider {
  /** IPublicCapability: also answered to anonymous callers. */
  public: boolean;
  build(env: CapabilityEnv): PhpMap;
}

/** Who registers which capability in a release (the version block comes from the release itself). */
export interface CapabilityProfile {
  /** Registered by the server itself (Server.php), before any app. */
  server: CapabilityProvider[];
  /** Registered by each app's Application::register(), in the order the app registers them. */
  apps: Record<string, CapabilityProvider[]>;
}
