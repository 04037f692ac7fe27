import {
  activityCapabilities,
  davCapabilities,
  notificationsCapabilities,
  ocmCapabilities,
  passwordPolicyCapabilities,
  provisioningCapabilities,
  systemtagsCapabilities,
  userStatusCapabilities,
  weatherStatusCapabilities,
} from './appBlocks.js';
import { bruteforceCapabilities, coreCapabilities } from './core.js';
import { commentsCapabilities, directEditingCapabilities, filesCapabilities, trashbinCapabilities, versionsCapabilities } from './files.js';
import { filesSharingCapabilities, shareByMailCapabilities } from './sharing.js';
import { themingProvider } from './theming.js';
import type { CapabilityProfile } from './types.js';

/**
 * Nextcloud 29.0.6 (the release the mock reports): its version block, the server's own capabilities
 * (lib/private/Server.php) and those of every shipped or app-store app that registers any, as each
 * app's Application::register() does (apps of the 29.0.5/29.0.6 release tarball).
 */
export const NC29_CAPABILITIES: CapabilityProfile = {
  server: [coreCapabilities, bruteforceCapabilities],
  apps: {
    activity: [activityCapabilities],
    cloud_federation_api: [ocmCapabilities],
    comments: [commentsCapabilities],
    dav: [davCapabilities],
    files: [filesCapabilities, directEditingCapabilities],
    files_sharing: [filesSharingCapabilities],
    files_trashbin: [trashbinCapabilities],
    files_versions: [versionsCapabilities],
    notifications: [notificationsCapabilities],
    password_policy: [passwordPolicyCapabilities],
    provisioning_api: [provisioningCapabilities],
    sharebymail: [shareByMailCapabilities],
    systemtags: [systemtagsCapabilities],
    theming: [themingProvider],
    user_status: [userStatusCapabilities],
    weather_status: [weatherStatusCapabilities],
  },
};
