import { describe, it, vi } from 'vitest';
import { freshMock, MATRIX, ocs } from '../support/mock.js';
import { expectFramework996 } from '../support/operations.js';

/**
 * ocs/v1.php catches every Throwable and answers through ApiHelper: 996 in the request's own version
 * (v1 HTTP 200, v2 HTTP 500 with 500 in meta) and `format` (ocs-framework.md §2.5).
 */
describe.each(MATRIX)('an unexpected error, v$version $format', ({ version, format }) => {
  it(`v${version} ${format} -> framework 996 in the request's version and format`, async () => {
    const { mock, app } = await freshMock();
    vi.spyOn(mock.scenarios, 'intercept').mockRejectedValue(new Error('unexpected'));
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      expectFramework996(await ocs(app, 'get', version, '/cloud/groups', { format }), version, format);
    } finally {
      warn.mockRestore();
    }
  });
});
