/** The key -> value map of one app in app config or in a user's preferences, created on first write. */
export function settingsOf(store: Map<string, Map<string, string>>, app: string): Map<string, string> {
  let values = store.get(app);
  if (!values) {
    values = new Map();
    store.set(app, values);
  }
  return values;
}
