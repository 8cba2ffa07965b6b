import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import { Partner } from '../partner/partner.entity';
import { FundingSource } from './funding-source.entity';
import { FundingTransaction } from './funding-transaction.entity';
import { fundingSourceLoader, reversalLoader } from './funding.loaders';
import { partnerLoader, type PartnerRow } from '../partner/partner.loaders';
import { FundingService } from './funding.service';
import {
  CreateFundingSourceInput,
  FundingLeverage,
  FundingLeverageArgs,
  FundingSourcePayload,
  FundingTransactionConnection,
  FundingTransactionPayload,
  FundingTransactionsArgs,
  RecordFundingTransactionInput,
  ReverseFundingTransactionInput,
} from './funding.types';
import { fundingLeverage } from './leverage.service';

@Resolver(() => FundingSource)
export class FundingSourceResolver {
  private readonly funding = new FundingService();

  @Allow(Permission.FundingRead)
  @Query(() => [FundingSource], { description: 'Funding sources (sumber dana); a partner sees only its own.' })
  fundingSources(@Ctx() ctx: RequestContext): Promise<FundingSource[]> {
    return this.funding.sources(ctx);
  }

  @Allow(Permission.FundingManage)
  @Mutation(() => FundingSourcePayload, { description: 'Registers a funding source (admin). CSR needs a partner.' })
  async createFundingSource(@Ctx() ctx: RequestContext, @Arg('input', () => CreateFundingSourceInput) input: CreateFundingSourceInput): Promise<FundingSourcePayload> {
    return Object.assign(new FundingSourcePayload(), await this.funding.createSource(ctx, input));
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The partner of a CSR source.' })
  async partner(@Root() source: FundingSource, @Ctx() ctx: RequestContext): Promise<PartnerRow | undefined> {
    return source.partner ? ctx.loaders.get(partnerLoader).load(source.partner.id) : undefined;
  }
}

@Resolver(() => FundingTransaction)
export class FundingTransactionResolver {
  private readonly funding = new FundingService();

  @Allow(Permission.FundingRead)
  @Query(() => FundingTransactionConnection, { description: 'Ledger lines, newest first; a partner sees only its own sources’ lines.' })
  fundingTransactions(@Ctx() ctx: RequestContext, @Args(() => FundingTransactionsArgs) args: FundingTransactionsArgs) {
    return this.funding.transactions(ctx, args);
  }

  @Allow(Permission.FundingManage)
  @Mutation(() => FundingTransactionPayload, { description: 'Appends a commitment, disbursement or expenditure (admin).' })
  async recordFundingTransaction(@Ctx() ctx: RequestContext, @Arg('input', () => RecordFundingTransactionInput) input: RecordFundingTransactionInput): Promise<FundingTransactionPayload> {
    return Object.assign(new FundingTransactionPayload(), await this.funding.recordTransaction(ctx, input));
  }

  @Allow(Permission.FundingManage)
  @Mutation(() => FundingTransactionPayload, { description: 'Appends the reversal of a ledger line (at most once per line; admin).' })
  async reverseFundingTransaction(@Ctx() ctx: RequestContext, @Arg('input', () => ReverseFundingTransactionInput) input: ReverseFundingTransactionInput): Promise<FundingTransactionPayload> {
    return Object.assign(new FundingTransactionPayload(), await this.funding.reverseTransaction(ctx, input));
  }

  @Allow(Permission.FundingRead)
  @Query(() => FundingLeverage, { description: 'How much each partner’s rupiah was matched by other sources, per program.' })
  fundingLeverage(@Ctx() ctx: RequestContext, @Args(() => FundingLeverageArgs) args: FundingLeverageArgs): Promise<FundingLeverage> {
    return fundingLeverage(ctx, args);
  }

  @FieldResolver(() => FundingSource)
  async source(@Root() tx: FundingTransaction, @Ctx() ctx: RequestContext): Promise<FundingSource> {
    return (await ctx.loaders.get(fundingSourceLoader).load(tx.source.id))!;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Id of the line this reversal reverses.' })
  reversesId(@Root() tx: FundingTransaction): string | undefined {
    return tx.reverses?.id;
  }

  @FieldResolver(() => FundingTransaction, { nullable: true, description: 'The reversal of this line, if it was reversed.' })
  reversedBy(@Root() tx: FundingTransaction, @Ctx() ctx: RequestContext): Promise<FundingTransaction | undefined> {
    return ctx.loaders.get(reversalLoader).load(tx.id);
  }
}

/** Partner contact details are for administrators only. */
@Resolver(() => Partner)
export class PartnerContactResolver {
  @Allow(Permission.PartnerManage)
  @FieldResolver(() => String, { nullable: true, description: 'Contact person (admin only).' })
  contactName(@Root() p: Partner | PartnerRow): string | null | undefined {
    return p.contactName;
  }

  @Allow(Permission.PartnerManage)
  @FieldResolver(() => String, { nullable: true, description: 'Contact e-mail (admin only).' })
  contactEmail(@Root() p: Partner | PartnerRow): string | null | undefined {
    return p.contactEmail;
  }

  @Allow(Permission.PartnerManage)
  @FieldResolver(() => String, { nullable: true, description: 'Contact phone (admin only).' })
  contactPhone(@Root() p: Partner | PartnerRow): string | null | undefined {
    return p.contactPhone;
  }
}
