import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import { FundingSource } from '../funding/funding-source.entity';
import { fundingSourceLoader } from '../funding/funding.loaders';
import { Program } from './program.entity';
import { programLoader } from './program.loaders';
import { StockLot } from './stock.entity';
import { StockService } from './stock.service';
import { ReceiveStockInput, StockLevels, StockLotPayload } from './stock.types';

/** Pad stock: receiving lots and the levels per funding source. */
@Resolver(() => StockLot)
export class StockResolver {
  private readonly stock = new StockService();

  @Allow(Permission.StockManage)
  @Mutation(() => StockLotPayload, { description: 'Records pads received into stock, with the unit cost and the funding source that paid.' })
  async receiveStock(@Ctx() ctx: RequestContext, @Arg('input', () => ReceiveStockInput) input: ReceiveStockInput): Promise<StockLotPayload> {
    return Object.assign(new StockLotPayload(), await this.stock.receive(ctx, input));
  }

  @Allow(Permission.StockManage)
  @Query(() => StockLevels, { nullable: true, description: 'Stock of a program: totals, by funding source, and the lots with packs left.' })
  stockLevels(@Ctx() ctx: RequestContext, @Arg('programId', () => ID) programId: string): Promise<StockLevels | null> {
    return this.stock.levels(ctx, programId);
  }

  @FieldResolver(() => FundingSource, { description: 'Who paid for the lot.' })
  async fundingSource(@Root() lot: StockLot, @Ctx() ctx: RequestContext): Promise<FundingSource | undefined> {
    return ctx.loaders.get(fundingSourceLoader).load(lot.fundingSource.id);
  }

  @FieldResolver(() => Program)
  async program(@Root() lot: StockLot, @Ctx() ctx: RequestContext): Promise<Program | undefined> {
    return ctx.loaders.get(programLoader).load(lot.program.id);
  }

  @FieldResolver(() => Int, { description: 'Packs delivered from this lot (net of reversals).' })
  packsDistributed(@Root() lot: StockLot): number {
    return lot.packsReceived - lot.packsRemaining;
  }
}
