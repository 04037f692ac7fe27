import { createHash } from 'node:crypto';
import { toPhpJson } from '../../ocs/json.js';
import type { PhpValue } from '../../ocs/php.js';
import type { State } from '../../state/model.js';
import { enabledAppIds } from '../apps.js';
import type { CapabilityProvider } from './types.js';

/** apps/files/lib/Capabilities.php with the system defaults (blacklisted_files, forbidden characters). */
export const filesCapabilities: CapabilityProvider = {
  public: false,
  build: () => ({
    files: {
      bigfilechunking: true,
      blacklisted_files: ['.htaccess'],
      forbidden_filename_characters: ['\\', '/'],
    },
  }),
};

/**
 * The editors each app registers on RegisterDirectEditorEvent (by app id), as DirectEditingService
 * lists them (apps/text/lib/DirectEditing/TextDirectEditor.php and TextDocumentCreator.php).
 */
const DIRECT_EDITORS: Record<string, { id: string; editor: PhpValue; creators: Record<string, PhpValue> }> = {
  text: {
    id: 'text',
    editor: {
      id: 'text',
      name: 'Nextcloud Text',
      mimetypes: [
        'text/markdown', 'text/plain', 'application/cmd', 'application/x-empty', 'application/x-msdos-program',
        'application/javascript', 'application/json', 'application/x-perl', 'application/x-php', 'application/x-tex',
        'application/xml', 'application/yaml', 'text/css', 'text/csv', 'text/html', 'text/org', 'text/x-c',
        'text/x-c++src', 'text/x-h', 'text/x-java-source', 'text/x-ldif', 'text/x-python', 'text/x-shellscript',
      ],
      optionalMimetypes: [],
      secure: false,
    },
    creators: {
      textdocument: { id: 'textdocument', editor: 'text', name: 'text document', extension: 'md', templates: false, mimetype: 'text/markdown' },
    },
  },
};

/** DirectEditingService::getDirectEditingETag(): md5 of json_encode() of the editors and creators. */
function directEditingEtag(state: State): string {
  const editors: { [key: string]: PhpValue } = {};
  const creators: { [key: string]: PhpValue } = {};
  for (const app of enabledAppIds(state)) {
    const registered = DIRECT_EDITORS[app];
    if (!registered) continue;
    editors[registered.id] = registered.editor;
    Object.assign(creators, registered.creators);
  }
  // The editor data holds no '<' or '>', so JSON_HEX_TAG changes nothing: this is plain json_encode().
  return createHash('md5').update(toPhpJson({ editors, creators })).digest('hex');
}

/** apps/files/lib/DirectEditingCapabilities.php. */
export const directEditingCapabilities: CapabilityProvider = {
  public: false,
  build: ({ state, urls }) => ({
    files: {
      directEditing: { url: urls.ocsRoute('/apps/files/api/v1/directEditing'), etag: directEditingEtag(state), supportsFileId: true },
    },
  }),
};

/** apps/comments/lib/Capabilities.php. */
export const commentsCapabilities: CapabilityProvider = { public: false, build: () => ({ files: { comments: true } }) };

/** apps/files_trashbin/lib/Capabilities.php. */
export const trashbinCapabilities: CapabilityProvider = { public: false, build: () => ({ files: { undelete: true } }) };

/** apps/files_versions/lib/Capabilities.php with the system defaults (labeling and deletion on). */
export const versionsCapabilities: CapabilityProvider = {
  public: false,
  build: () => ({ files: { versioning: true, version_labeling: true, version_deletion: true } }),
};
