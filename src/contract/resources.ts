/** What a write run created, and how to remove it again: undone in reverse order, whatever happened. */
export class ResourceTracker {
  private readonly undo: { label: string; run: () => Promise<void> }[] = [];
  private cleaning: Promise<string[]> | null = null;

  /** Registered before the resource is created, so a half-finished step is cleaned up too. */
  add(label: string, run: () => Promise<void>): void {
    if (!this.undo.some((entry) => entry.label === label)) this.undo.push({ label, run });
  }

  get size(): number {
    return this.undo.length;
  }

  /** Runs every undo once (a second call, e.g. from Ctrl-C, waits for the first); returns leftovers. */
  cleanup(): Promise<string[]> {
    this.cleaning ??= (async () => {
      const leftovers: string[] = [];
      for (const entry of [...this.undo].reverse()) {
        try {
          await entry.run();
        } catch (error) {
          leftovers.push(`${entry.label}: ${(error as Error).message}`);
        }
      }
      return leftovers;
    })();
    return this.cleaning;
  }
}
