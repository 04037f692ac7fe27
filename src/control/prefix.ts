/** Where the control API lives (WireMock's /__admin): its own module, so serving OCS loads no control routes. */
export const CONTROL_PREFIX = '/__admin';
