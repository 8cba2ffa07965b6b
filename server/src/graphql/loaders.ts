import type DataLoader from 'dataloader';
import type { RequestContext } from './context';

/** Makes one DataLoader for one request; modules declare these in their `.loaders.ts`. */
export type LoaderFactory<K, V> = (ctx: RequestContext) => DataLoader<K, V>;

/**
 * Per-request DataLoaders, created on first use. Each factory yields one loader per request,
 * so batching and caching never leak between users.
 */
export class Loaders {
  private readonly made = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();
  private ctx?: RequestContext;

  bind(ctx: RequestContext): void {
    this.ctx = ctx;
  }

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    let loader = this.made.get(factory as LoaderFactory<unknown, unknown>);
    if (!loader) {
      if (!this.ctx) throw new Error('Loaders used before the request context was bound');
      loader = factory(this.ctx) as DataLoader<unknown, unknown>;
      this.made.set(factory as LoaderFactory<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }
}
