// At most `perHost` requests at once to one host and `total` in all: outlets block readers that
// hammer them, and a thousand sources must not open a thousand sockets. Both limits can change
// while requests run (a settings change): running tasks finish, new ones follow the new limits.
export interface HostLimits {
  total: number;
  perHost: number;
}

export class HostLimiter {
  private active = 0;
  private readonly activeByHost = new Map<string, number>();
  private readonly waiting: Array<{ host: string; start: () => void }> = [];
  private limits: HostLimits;

  constructor(total: number, perHost: number) {
    this.limits = checked({ total, perHost });
  }

  get current(): HostLimits {
    return { ...this.limits };
  }

  setLimits(limits: Partial<HostLimits>): void {
    this.limits = checked({ ...this.limits, ...limits });
    this.pump();
  }

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const release = await this.acquire(host);
    try {
      return await task();
    } finally {
      release();
    }
  }

  /**
   * Resolves once a request to `host` may start, with the function that ends it (call it once).
   * For a wait that may last long: the promise it returns carries no result, whereas run's
   * promise is resolved with its task's. A promise that waited long has been moved to the old
   * generation, and a young result it is then resolved with stays alive, as if still in use,
   * until the next full collection, long after everyone is done with it.
   */
  acquire(host: string): Promise<() => void> {
    return new Promise<() => void>((resolve) => {
      this.waiting.push({ host, start: () => resolve(this.releaser(host)) });
      this.pump();
    });
  }

  private releaser(host: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      const left = (this.activeByHost.get(host) ?? 1) - 1;
      // Hosts come and go with sources; the map keeps only hosts with work running.
      if (left > 0) this.activeByHost.set(host, left);
      else this.activeByHost.delete(host);
      this.pump();
    };
  }

  private pump(): void {
    for (let i = 0; i < this.waiting.length && this.active < this.limits.total; ) {
      const next = this.waiting[i]!;
      if ((this.activeByHost.get(next.host) ?? 0) >= this.limits.perHost) {
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

function checked(limits: HostLimits): HostLimits {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of at least 1, not ${value}`);
  }
  return limits;
}
