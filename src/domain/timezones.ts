/**
 * DateTimeZone::listIdentifiers() (PHP's ALL group) holds UTC and the zone names of the IANA
 * regions, in their current spelling. ICU's own list still has some older names (Asia/Calcutta for
 * Asia/Kolkata), so instead a name is accepted when it is a capitalised region/city name (PHP
 * compares exactly) that ICU resolves as a time zone. Not like PHP: the backward links inside those
 * regions (Asia/Calcutta, Europe/Kiev) are accepted too.
 */
const REGION_NAME = /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)(?:\/[A-Z][A-Za-z0-9_+-]*)+$/;

function icuKnows(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function isTimezoneIdentifier(name: string): boolean {
  return name === 'UTC' || (REGION_NAME.test(name) && icuKnows(name));
}
