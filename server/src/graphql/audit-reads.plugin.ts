import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { translate } from '../platform/i18n';
import type { RequestContext } from './context';
import { httpHeadFor } from './error-mapping';

/**
 * Writes the request's audited reads (`ctx.auditReads`) once the answer is complete and before
 * it leaves: one INSERT per request. If the trail cannot be written, the personal data is not
 * sent either — the answer becomes a DATABASE_UNAVAILABLE error (a change the request made is
 * committed; its idempotency key gives the answer again on a retry).
 */
export function createAuditReadsPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue: ctx }) {
          if (!ctx?.auditReads?.pending) return;
          try {
            await ctx.auditReads.flush(ctx.em, { id: ctx.user?.id, role: ctx.user?.role, ip: ctx.ip });
          } catch (err) {
            logger.error({ err }, 'audit trail of personal-data reads could not be written; answer withheld');
            if (response.body.kind !== 'single') return;
            response.body.singleResult = {
              errors: [{ message: translate(ctx.locale, 'DATABASE_UNAVAILABLE'), extensions: { code: 'DATABASE_UNAVAILABLE' } }],
            };
            // Set here, not left to the error plugin: Apollo may run that plugin's hook before this one ends.
            const head = httpHeadFor('DATABASE_UNAVAILABLE')!;
            response.http.status = head.status;
            for (const [name, value] of head.headers) response.http.headers.set(name, value);
          }
        },
      };
    },
  };
}
