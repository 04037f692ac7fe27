import type { PhpValue } from './php.js';
import { frameStatus, OC_API_FRAMING, type FrameworkFraming, type OcsOrigin, type OcsVersion } from './status.js';

export interface OcsMeta {
  status: 'ok' | 'failure';
  statuscode: number;
  message: string;
  totalitems?: string;
  itemsperpage?: string;
}

export interface OcsEnvelope {
  ocs: { meta: OcsMeta; data: PhpValue };
}

export interface FramedAnswer {
  httpStatus: number;
  envelope: OcsEnvelope;
}

/** Wraps a result or an error into the envelope of the given OCS version. */
export function buildEnvelope(
  version: OcsVersion,
  code: number,
  message: string,
  data: PhpValue,
  origin: OcsOrigin = 'controller',
  framework: FrameworkFraming = OC_API_FRAMING,
): FramedAnswer {
  const framing = frameStatus(version, code, origin, framework);
  const meta: OcsMeta = {
    status: framing.ok ? 'ok' : 'failure',
    statuscode: framing.statuscode,
    message: framing.ok ? 'OK' : message,
  };
  if (framing.withCounts) {
    meta.totalitems = '';
    meta.itemsperpage = '';
  }
  return { httpStatus: framing.httpStatus, envelope: { ocs: { meta, data } } };
}
