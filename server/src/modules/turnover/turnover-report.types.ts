import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../graphql/payload';
import { RupiahScalar } from '../../graphql/scalars/rupiah.scalar';
import { TurnoverReport } from './turnover-report.entity';

/** Most rows of the day grid sent in one request (about 100 vendors sell each market day). */
export const DAY_GRID_MAX_ROWS = 150;

@InputType({ description: "Staff log one vendor's sales for one market day (catat omzet)." })
export class RecordTurnoverInput {
  @Field(() => String, { description: 'Idempotency key: a retry with the same key returns the first report, never a second one.' })
  @MaxLength(100)
  idempotencyKey: string;

  @Field(() => ID) vendorId: string;
  @Field(() => ID) marketDayId: string;
  @Field(() => RupiahScalar, { description: 'Sales that day in whole rupiah (0 or more).' }) amount: number;
  @Field(() => Int, { nullable: true, description: 'Number of sales, when known.' }) transactions?: number;
  @Field(() => Boolean, { nullable: true, description: 'Staff checked a figure far above the usual and confirm it is right.' })
  confirmImplausible?: boolean;
}

@ObjectType({ description: 'Result of logging a turnover figure.' })
export class TurnoverReportPayload extends MutationPayload {
  @Field(() => TurnoverReport, { nullable: true }) report?: TurnoverReport;
}

@InputType({ description: "One row of the day grid: one vendor's sales, with its own idempotency key." })
export class TurnoverDayRowInput {
  @Field(() => String) @MaxLength(100) idempotencyKey: string;
  @Field(() => ID) vendorId: string;
  @Field(() => RupiahScalar) amount: number;
  @Field(() => Int, { nullable: true }) transactions?: number;
  @Field(() => Boolean, { nullable: true }) confirmImplausible?: boolean;
}

@InputType({ description: 'The day grid: many vendors of one market day in one request.' })
export class RecordTurnoverDayInput {
  @Field(() => ID) marketDayId: string;
  @Field(() => [TurnoverDayRowInput], { description: `At most ${DAY_GRID_MAX_ROWS} rows; each is stored (or refused) on its own.` })
  @ArrayMaxSize(DAY_GRID_MAX_ROWS)
  rows: TurnoverDayRowInput[];
}

@ObjectType({ description: 'What became of one row of the day grid.' })
export class TurnoverDayRow extends MutationPayload {
  @Field(() => ID) vendorId: string;
  @Field(() => TurnoverReport, { nullable: true }) report?: TurnoverReport;
}

@ObjectType({ description: 'Result of the day grid: one result per row, in the order sent.' })
export class RecordTurnoverDayPayload extends MutationPayload {
  @Field(() => [TurnoverDayRow]) rows: TurnoverDayRow[] = [];
  @Field(() => Int, { description: 'Rows stored or replayed without a problem.' }) saved: number = 0;
}

@InputType({ description: 'Staff correct a figure: a new version with a reason; the old one stays in the history.' })
export class CorrectTurnoverInput {
  @Field(() => String, { nullable: true, description: 'Idempotency key: a retry with the same key returns the first correction.' })
  @MaxLength(100)
  idempotencyKey?: string;

  @Field(() => ID, { description: 'The current version being corrected.' }) reportId: string;
  @Field(() => RupiahScalar) amount: number;
  @Field(() => Int, { nullable: true }) transactions?: number;
  @Field(() => String, { description: 'Why (e.g. "salah ketik, seharusnya Rp 1.250.000").' }) @MaxLength(500) reason: string;
  @Field(() => Boolean, { nullable: true }) confirmImplausible?: boolean;
}

@InputType()
export class TurnoverReportRefInput {
  @Field(() => ID) reportId: string;
}

@InputType({ description: 'The vendor disputes her figure.' })
export class DisputeTurnoverInput {
  @Field(() => ID) reportId: string;
  @Field(() => String, { description: 'What is wrong, e.g. "Omzet saya Rp 850.000, bukan Rp 580.000".' }) @MaxLength(500) comment: string;
}

@InputType({ description: 'Staff settle a dispute, keeping the figure or correcting it.' })
export class ResolveTurnoverDisputeInput {
  @Field(() => ID) reportId: string;
  @Field(() => String, { description: 'How it was settled; the vendor sees it.' }) @MaxLength(500) note: string;
  @Field(() => RupiahScalar, { nullable: true, description: 'The right figure, when it changes (a new version).' }) correctedAmount?: number;
  @Field(() => Int, { nullable: true }) correctedTransactions?: number;
}
