import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';
import type { AppConfig } from '../config';
import { AppError } from '../platform/app-error';
import { defineMessages } from '../platform/i18n';
import type { RequestContext } from './context';

export const RateLimitErrors = defineMessages({
  RATE_LIMITED: {
    id: 'Terlalu banyak perubahan dalam waktu singkat. Tunggu sebentar (paling lama satu menit), lalu coba lagi.',
    en: 'Too many changes in a short time. Wait a moment (at most a minute) and try again.',
  },
});

export const RATE_LIMIT_WINDOW_SECONDS = 60;

/**
 * Counts writes (each top-level mutation field) per signed-in account and per client address
 * in PostgreSQL, in one statement, so every server process shares the numbers. Over the limit
 * the whole request is refused with HTTP 429 before any resolver runs. Reads are bounded by the
 * query cost limits instead, so they cost no extra write.
 */
export function createRateLimitPlugin(config: AppConfig): ApolloServerPlugin<RequestContext> {
  const limits = { user: config.rateLimitAccountPerMinute, ip: config.rateLimitAddressPerMinute };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue: ctx }) {
          if (operation?.operation !== 'mutation') return;
          const writes = operation!.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).length || 1;
          const buckets: string[] = [];
          if (limits.ip > 0) buckets.push(`ip:${ctx.ip}`);
          if (limits.user > 0 && ctx.user) buckets.push(`user:${ctx.user.id}`);
          if (!buckets.length) return;
          const rows: { bucket: string; hits: number; retry: number }[] = await ctx.em.getConnection().execute(
            `insert into api_edge.rate_limit as r (bucket, window_start, hits)
             select b, now(), ? from unnest(?::text[]) b
             on conflict (bucket) do update set
               hits = case when r.window_start > now() - make_interval(secs => ?) then r.hits + excluded.hits else excluded.hits end,
               window_start = case when r.window_start > now() - make_interval(secs => ?) then r.window_start else now() end
             returning bucket, hits, ceil(extract(epoch from r.window_start + make_interval(secs => ?) - now()))::int as retry`,
            [writes, `{${buckets.map((b) => `"${b.replace(/["\\]/g, '')}"`).join(',')}}`, RATE_LIMIT_WINDOW_SECONDS, RATE_LIMIT_WINDOW_SECONDS, RATE_LIMIT_WINDOW_SECONDS],
          );
          const over = rows.find((r) => r.hits > (r.bucket.startsWith('user:') ? limits.user : limits.ip));
          if (!over) return;
          throw new GraphQLError('rate limited', {
            originalError: new AppError(RateLimitErrors.RATE_LIMITED),
            extensions: {
              code: RateLimitErrors.RATE_LIMITED,
              http: { status: 429, headers: new HeaderMap([['retry-after', String(Math.max(1, over.retry))]]) },
            },
          });
        },
      };
    },
  };
}

/** Deletes counters whose window ended long ago (run with the hourly retention job). */
export const PURGE_RATE_LIMITS_SQL = `delete from api_edge.rate_limit where window_start < now() - interval '1 hour'`;
