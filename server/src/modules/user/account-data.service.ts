import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import { userError, type UserError } from '../../graphql/user-error.type';
import { dataExportFiles } from '../../platform/data-export.util';
import { beginErasure, eraseAuditValues } from '../audit/audit-erasure';
import { AuditService } from '../audit/audit.service';
import { verifyPassword } from '../auth/password.util';
import { clearedSessionCookie } from '../auth/session-cookie.util';
import type { AccountDataPart } from '../feature-module';
import { featureModules } from '../feature-modules';
import { Refusal, refuse, refusalsAsErrors } from '../../platform/refusal';
import { accountData } from './account-data.part';
import { AccountDataErrors } from './account-data.errors';
import type { EraseMyDataInput, MyDataExport } from './account-data.types';
import { Role } from './role.enum';
import { User } from './user.entity';

/** The account's own part first, then each feature module's, in the modules' order. */
const parts = (): AccountDataPart[] => [accountData, ...featureModules.flatMap((m) => (m.accountData ? [m.accountData] : []))];

/**
 * An account holder's rights over her data (UU 27/2022), for every account: a copy of everything
 * kept about her, from the platform and every feature module; and, for a vendor, erasure — the
 * pattern of a family's consent withdrawal (family-consent.service.ts): one transaction, personal
 * fields blanked everywhere, earlier audit entries about her records stripped of their values,
 * everything the published figures were built from kept under a pseudonymous id, and the
 * erasure itself in the trail.
 */
export class AccountDataService {
  private readonly audit = new AuditService();

  async export(ctx: RequestContext): Promise<{ export?: MyDataExport; userErrors: UserError[] }> {
    const userId = ctx.user!.id;
    const sections = await (ctx.em as EntityManager).transactional(async (em) => {
      const all = [];
      for (const part of parts()) all.push(...(await part.export(em, userId, ctx.locale)));
      return all;
    });
    ctx.auditReads.add('account.export', 'User', userId, { sections: Object.fromEntries(sections.map((s) => [s.key, s.rows.length])) });
    const exportedAt = new Date();
    return { export: { userId, fileName: `data-saya-${exportedAt.toISOString().slice(0, 10)}`, ...dataExportFiles(sections, exportedAt) }, userErrors: [] };
  }

  /**
   * Erases a vendor's personal data at her request, at once, unless something she still takes
   * part in stops it (a booked market day, a training to come), which she is told. What is kept
   * and why is said in her portal before she confirms. Her sessions end with it.
   */
  async erase(ctx: RequestContext, input: EraseMyDataInput): Promise<{ erased: boolean; userErrors: UserError[] }> {
    const result = await refusalsAsErrors(() =>
      (ctx.em as EntityManager).transactional(async (em) => {
        if (ctx.user!.role !== Role.VENDOR) throw refuse(ctx, AccountDataErrors.ERASURE_ONLY_VENDORS, ['input']);
        if (input.confirm !== true) throw refuse(ctx, AccountDataErrors.ERASURE_NOT_CONFIRMED, ['input', 'confirm']);
        // Held until commit: a second erasure, or a sign-in, waits for this one.
        const user = await em.findOneOrFail(User, ctx.user!.id, { populate: ['passwordHash'], lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!(await verifyPassword(user.passwordHash, input.password))) throw refuse(ctx, AccountDataErrors.ERASURE_WRONG_PASSWORD, ['input', 'password']);
        const blockers = [];
        for (const part of parts()) blockers.push(...((await part.blockers?.(em, user.id, ctx.locale)) ?? []));
        if (blockers.length) throw new Refusal(blockers.map((b) => userError(ctx.locale, b.code, ['input'], b.params)));
        await beginErasure(em);
        const records = [];
        for (const part of parts()) records.push(...((await part.erase?.(em, user.id)) ?? []));
        await eraseAuditValues(em, records);
        this.audit.record({ ...ctx, em }, 'account.erase', 'User', user.id, {
          after: { role: user.role, kept: ['vendorNumber', 'category', 'kelurahan', 'bookings', 'checkIns', 'turnover', 'trainingAttendance', 'certificateNumbers', 'auditTrail'] },
        });
        await em.flush();
        return { erased: true, userErrors: [] };
      }),
    );
    if ('erased' in result) ctx.responseCookies.push(clearedSessionCookie(ctx.config.cookieSecure));
    return 'erased' in result ? result : { erased: false, userErrors: result.userErrors };
  }
}
