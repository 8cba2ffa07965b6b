import { rowShape } from '../../db/row-shape';
import { TurnoverReport, type TurnoverStatus } from './turnover-report.entity';

/**
 * A turnover report as a plain row (the one-vendor record path writes and answers without the
 * ORM). The GraphQL type stays the entity class: its fields read the same property names here, and
 * a relation is an id that the field resolvers load in one batch.
 */
export interface TurnoverReportRow {
  id: string;
  createdAt: Date;
  bookingId: string;
  vendorId: string;
  marketDayId: string;
  version: number;
  current: boolean;
  amount: number;
  transactions: number | null;
  status: TurnoverStatus;
  correctionReason: string | null;
  confirmedImplausible: boolean;
  recordedById: string | null;
  recordedAt: Date;
  confirmedAt: Date | null;
  disputeComment: string | null;
  disputedAt: Date | null;
  resolutionNote: string | null;
  resolvedAt: Date | null;
  resolvedById: string | null;
}

/** The report's columns; `amount` is a bigint, which arrives as text. */
export const TURNOVER_REPORT = rowShape<TurnoverReportRow>(
  {
    id: 'id',
    createdAt: 'created_at',
    bookingId: 'booking_id',
    vendorId: 'vendor_id',
    marketDayId: 'market_day_id',
    version: 'version',
    current: 'current',
    amount: 'amount',
    transactions: 'transactions',
    status: 'status',
    correctionReason: 'correction_reason',
    confirmedImplausible: 'confirmed_implausible',
    recordedById: 'recorded_by_id',
    recordedAt: 'recorded_at',
    confirmedAt: 'confirmed_at',
    disputeComment: 'dispute_comment',
    disputedAt: 'disputed_at',
    resolutionNote: 'resolution_note',
    resolvedAt: 'resolved_at',
    resolvedById: 'resolved_by_id',
  },
  { instants: ['createdAt', 'recordedAt', 'confirmedAt', 'disputedAt', 'resolvedAt'], numbers: ['amount'] },
);

/** What a report points at, whether the one-row path gave a plain row or another mutation an entity. */
export function reportRefs(r: TurnoverReport | TurnoverReportRow): { vendorId: string; marketDayId: string; recordedById: string | null } {
  return r instanceof TurnoverReport ? { vendorId: r.vendor.id, marketDayId: r.marketDay.id, recordedById: r.recordedBy?.id ?? null } : r;
}
