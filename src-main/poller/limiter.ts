// At most `perHost` requests at once to one host and `total` in all: outlets block readers that
// hammer them, and a thousand sources must not open a thousand sockets.
export class HostLimiter {
  private active = 0;
  private readonly activeByHost = new Map<string, number>();
  private readonly waiting: Array<{ host: string; start: () => void }> = [];

  constructor(
    private readonly total: number,
    private readonly perHost: number,
  ) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.waiting.push({ host, start: resolve });
      this.pump();
    });
    try {
      return await task();
    } finally {
      this.active--;
      this.activeByHost.set(host, (this.activeByHost.get(host) ?? 1) - 1);
      this.pump();
    }
  }

  private pump(): void {
    for (let i = 0; i < this.waiting.length && this.active < this.total; ) {
      const next = this.waiting[i]!;
      if ((this.activeByHost.get(next.host) ?? 0) >= this.perHost) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      this.active++;
      this.activeByHost.set(next.host, (this.activeByHost.get(next.host) ?? 0) + 1);
      next.start();
    }
  }
}
