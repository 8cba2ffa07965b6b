import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import type { UserError } from '../../graphql/user-error.type';
import { AuditService } from '../audit/audit.service';
import { Vendor } from '../market/entities/vendor.entity';
import { refuse, refusalsAsErrors } from '../../platform/refusal';
import { User } from '../user/user.entity';
import { TurnoverReport, TurnoverStatus } from './turnover-report.entity';
import { TurnoverErrors } from './turnover-report.errors';
import { TurnoverReportService } from './turnover-report.service';
import type { DisputeTurnoverInput, ResolveTurnoverDisputeInput } from './turnover-report.types';
import { checkAmount, checkTransactions } from './turnover-report.util';

type Result = Promise<{ report?: TurnoverReport; userErrors: UserError[] }>;

/** The vendor confirms or disputes her figure; staff settle disputes. */
export class DisputeService {
  private readonly audit = new AuditService();
  private readonly reports = new TurnoverReportService();

  /** The vendor agrees with her figure. Another vendor's report is "not found", never "forbidden". */
  async confirm(ctx: RequestContext, reportId: string): Result {
    return refusalsAsErrors(() =>
      ctx.em.transactional(async (em) => {
        const report = await this.lockMine(ctx, em, reportId);
        if (report.status !== TurnoverStatus.RECORDED) throw refuse(ctx, TurnoverErrors.TURNOVER_NOT_AWAITING_VENDOR, ['input', 'reportId']);
        report.status = TurnoverStatus.CONFIRMED;
        report.confirmedAt = new Date();
        this.audit.record({ ...ctx, em }, 'turnover.confirm', 'TurnoverReport', report.id, { before: { status: TurnoverStatus.RECORDED }, after: { status: report.status } });
        await em.flush();
        return { report, userErrors: [] };
      }),
    );
  }

  /** The vendor disputes her figure (also after confirming it by mistake), saying what is wrong. */
  async dispute(ctx: RequestContext, input: DisputeTurnoverInput): Result {
    return refusalsAsErrors(() =>
      ctx.em.transactional(async (em) => {
        const comment = input.comment?.trim();
        if (!comment) throw refuse(ctx, TurnoverErrors.TURNOVER_COMMENT_REQUIRED, ['input', 'comment']);
        const report = await this.lockMine(ctx, em, input.reportId);
        if (report.status !== TurnoverStatus.RECORDED && report.status !== TurnoverStatus.CONFIRMED) {
          throw refuse(ctx, TurnoverErrors.TURNOVER_NOT_AWAITING_VENDOR, ['input', 'reportId']);
        }
        const before = { status: report.status };
        report.status = TurnoverStatus.DISPUTED;
        report.disputeComment = comment;
        report.disputedAt = new Date();
        this.audit.record({ ...ctx, em }, 'turnover.dispute', 'TurnoverReport', report.id, { before, after: { status: report.status, comment } });
        await em.flush();
        return { report, userErrors: [] };
      }),
    );
  }

  /**
   * Staff settle a dispute: with a corrected amount a new version is stored (the disputed one
   * stays in the history), otherwise the figure stands; either way the vendor sees the note.
   */
  async resolve(ctx: RequestContext, input: ResolveTurnoverDisputeInput): Result {
    return refusalsAsErrors(() =>
      ctx.em.transactional(async (em) => {
        const note = input.note?.trim();
        if (!note) throw refuse(ctx, TurnoverErrors.TURNOVER_NOTE_REQUIRED, ['input', 'note']);
        const report = await this.reports.lockCurrent(ctx, em, input.reportId);
        if (report.status !== TurnoverStatus.DISPUTED) throw refuse(ctx, TurnoverErrors.TURNOVER_NOT_DISPUTED, ['input', 'reportId']);
        const amount = input.correctedAmount ?? report.amount;
        const transactions = input.correctedTransactions ?? report.transactions;
        checkAmount(ctx, amount, ['input', 'correctedAmount']);
        checkTransactions(ctx, transactions, ['input', 'correctedTransactions']);
        const changed = amount !== report.amount || (transactions ?? null) !== (report.transactions ?? null);
        const settled = changed ? await this.reports.supersede(ctx, em, report, amount, transactions, note, report.confirmedImplausible) : report;
        settled.status = TurnoverStatus.RESOLVED;
        settled.disputeComment = report.disputeComment;
        settled.disputedAt = report.disputedAt;
        settled.resolutionNote = note;
        settled.resolvedAt = new Date();
        settled.resolvedBy = em.getReference(User, ctx.user!.id);
        this.audit.record({ ...ctx, em }, 'turnover.resolve', 'TurnoverReport', settled.id, {
          before: { reportId: report.id, amount: report.amount, status: TurnoverStatus.DISPUTED },
          after: { amount: settled.amount, version: settled.version, status: settled.status, note },
        });
        await em.flush();
        return { report: settled, userErrors: [] };
      }),
    );
  }

  private async lockMine(ctx: RequestContext, em: EntityManager, reportId: string): Promise<TurnoverReport> {
    const vendor = ctx.user ? await em.findOne(Vendor, { user: ctx.user.id }) : null;
    if (!vendor) throw refuse(ctx, TurnoverErrors.TURNOVER_NO_VENDOR_PROFILE);
    return this.reports.lockCurrent(ctx, em, reportId, { vendor: vendor.id });
  }
}
