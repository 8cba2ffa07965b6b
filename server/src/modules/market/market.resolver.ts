import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ConnectionShape } from '../../graphql/connection';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission, Public } from '../../graphql/permissions';
import { Region } from '../region/region.entity';
import { RegionLevel } from '../region/region-level.enum';
import { allocateDueDaysOnce } from './allocation.service';
import { explain } from './allocation.util';
import { BookingService } from './booking.service';
import { MarketBooking } from './entities/market-booking.entity';
import { MarketDay } from './entities/market-day.entity';
import { MarketStall } from './entities/market-stall.entity';
import { Vendor } from './entities/vendor.entity';
import { MarketBoardService } from './market-board.service';
import { MarketDayService } from './market-day.service';
import { marketDayLoader, myBookingByDayLoader, regionLoader, stallLoader, vendorLoader } from './market.loaders';
import { bookingRefs, loadedWith, type BookingRow, type MarketDayRow, type StallRow, type VendorRow } from './market.rows';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { addDays, cityClock, witaDate } from '../../platform/wita-clock';
import {
  AddMarketDayInput,
  BookingPayload,
  BookingRefInput,
  CheckInBookingInput,
  CancelMarketDayInput,
  DecideVendorInput,
  GenerateMarketDaysInput,
  GenerateMarketDaysPayload,
  MarkNoShowsPayload,
  MarketBookingConnection,
  MarketDayBoard,
  MarketDayPayload,
  MarketDayRefInput,
  MarketDaysArgs,
  MyBookingsArgs,
  PublicMarket,
  RegisterVendorInput,
  RegisterVendorPayload,
  RequestStallInput,
  SaveStallInput,
  StallPayload,
  UpdateMarketDayInput,
  UpdateMyBusinessInput,
  VendorConnection,
  VendorPayload,
  VendorsArgs,
} from './market.types';
import { VendorService } from './vendor.service';

const payload = <T extends object>(type: new () => T, result: object): T => Object.assign(new type(), result);

/** Vendors: registration (public) and staff decisions. */
@Resolver(() => Vendor)
export class VendorResolver {
  private readonly vendorService = new VendorService();

  @Public()
  @Mutation(() => RegisterVendorPayload, { description: 'A business registers itself for the weekend market (public; idempotent with a key).' })
  async registerVendor(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterVendorInput) input: RegisterVendorInput): Promise<RegisterVendorPayload> {
    return payload(RegisterVendorPayload, await this.vendorService.register(ctx, input));
  }

  @Allow(Permission.MarketManage)
  @Mutation(() => VendorPayload, { description: 'Market staff approve (her VENDOR account is created), reject, suspend or reinstate a vendor.' })
  async decideVendor(@Ctx() ctx: RequestContext, @Arg('input', () => DecideVendorInput) input: DecideVendorInput): Promise<VendorPayload> {
    return payload(VendorPayload, await this.vendorService.decide(ctx, input));
  }

  @Allow(Permission.MarketManage)
  @Query(() => VendorConnection, { description: 'Registered vendors, oldest first (market staff).' })
  vendors(@Ctx() ctx: RequestContext, @Args(() => VendorsArgs) args: VendorsArgs): Promise<VendorConnection> {
    return this.vendorService.list(ctx, args);
  }

  @Allow(Permission.MarketVendor)
  @Mutation(() => VendorPayload, { description: 'A vendor corrects what she sells or gives or withdraws consent to the public page.' })
  async updateMyBusiness(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateMyBusinessInput) input: UpdateMyBusinessInput): Promise<VendorPayload> {
    return payload(VendorPayload, await this.vendorService.updateMine(ctx, input));
  }

  @Public()
  @Query(() => [Region], { description: 'The kelurahan of Kota Kupang, for the public registration form.' })
  registrationKelurahan(@Ctx() ctx: RequestContext): Promise<Region[]> {
    return ctx.em.find(Region, { level: RegionLevel.KELURAHAN }, { orderBy: { name: 'asc' } });
  }

  @Allow(Permission.MarketVendor)
  @Query(() => Vendor, { nullable: true, description: "The signed-in vendor's own business." })
  myVendor(@Ctx() ctx: RequestContext): Promise<VendorRow | null> {
    return this.vendorService.signedIn(ctx);
  }

  @FieldResolver(() => Region, { description: 'Kelurahan of the business.' })
  async kelurahan(@Root() vendor: Vendor | VendorRow, @Ctx() ctx: RequestContext): Promise<Region | undefined> {
    return ctx.loaders.get(regionLoader).load(vendor instanceof Vendor ? vendor.kelurahan.code : vendor.kelurahanCode);
  }

  @Allow(Permission.PasswordReset)
  @FieldResolver(() => ID, { nullable: true, description: 'Her sign-in account (once approved), for resetPassword when she forgot her password; market staff and administrators.' })
  accountId(@Root() vendor: Vendor | VendorRow): string | null {
    return (vendor instanceof Vendor ? vendor.user?.id : vendor.userId) ?? null;
  }
}

/** Stalls and market days (staff), and the calendar everyone sees. */
@Resolver(() => MarketDay)
export class MarketDayResolver {
  private readonly days = new MarketDayService();
  private readonly bookings = new BookingService();
  private readonly board = new MarketBoardService();

  @Allow(Permission.MarketManage)
  @Query(() => [MarketStall], { description: 'The stall layout (about 100 stalls).' })
  marketStalls(@Ctx() ctx: RequestContext): Promise<MarketStall[]> {
    return this.days.stalls(ctx);
  }

  @Allow(Permission.MarketManage)
  @Mutation(() => StallPayload, { description: 'Adds a stall to the layout or changes one.' })
  async saveStall(@Ctx() ctx: RequestContext, @Arg('input', () => SaveStallInput) input: SaveStallInput): Promise<StallPayload> {
    return payload(StallPayload, await this.days.saveStall(ctx, input));
  }

  @Allow(Permission.MarketManage)
  @Mutation(() => GenerateMarketDaysPayload, { description: 'Creates every Saturday and Sunday (WITA) of a period as a market day with the standard schedule.' })
  async generateMarketDays(@Ctx() ctx: RequestContext, @Arg('input', () => GenerateMarketDaysInput) input: GenerateMarketDaysInput): Promise<GenerateMarketDaysPayload> {
    return payload(GenerateMarketDaysPayload, await this.days.generate(ctx, input));
  }

  @Allow(Permission.MarketManage)
  @Mutation(() => MarketDayPayload, { description: 'Adds one market day.' })
  async addMarketDay(@Ctx() ctx: RequestContext, @Arg('input', () => AddMarketDayInput) input: AddMarketDayInput): Promise<MarketDayPayload> {
    return payload(MarketDayPayload, await this.days.add(ctx, input));
  }

  @Allow(Permission.MarketManage)
  @Mutation(() => MarketDayPayload, { description: "Changes a day's capacity or schedule." })
  async updateMarketDay(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateMarketDayInput) input: UpdateMarketDayInput): Promise<MarketDayPayload> {
    return payload(MarketDayPayload, await this.days.update(ctx, input));
  }

  @Allow(Permission.MarketManage)
  @Mutation(() => MarketDayPayload, { description: 'Closes the booking window now and shares out the stalls by fair rotation.' })
  async closeBookingWindow(@Ctx() ctx: RequestContext, @Arg('input', () => MarketDayRefInput) input: MarketDayRefInput): Promise<MarketDayPayload> {
    return payload(MarketDayPayload, await this.bookings.closeWindow(ctx, input.marketDayId));
  }

  @Allow(Permission.MarketManage)
  @Mutation(() => MarketDayPayload, { description: 'Cancels a market day; its bookings are cancelled and vendors see the reason.' })
  async cancelMarketDay(@Ctx() ctx: RequestContext, @Arg('input', () => CancelMarketDayInput) input: CancelMarketDayInput): Promise<MarketDayPayload> {
    return payload(MarketDayPayload, await this.days.cancel(ctx, input.marketDayId, input.reason));
  }

  @Allow(Permission.MarketManage)
  @Mutation(() => MarkNoShowsPayload, { description: 'After the check-in cut-off, marks every booked vendor not checked in as no-show.' })
  async markNoShows(@Ctx() ctx: RequestContext, @Arg('input', () => MarketDayRefInput) input: MarketDayRefInput): Promise<MarkNoShowsPayload> {
    return payload(MarkNoShowsPayload, await this.bookings.markNoShows(ctx, input.marketDayId));
  }

  @Allow(Permission.MarketManage)
  @Query(() => MarketDayBoard, { description: 'The day board: stall map with who is where, waitlist, requests and counts.' })
  marketDayBoard(@Ctx() ctx: RequestContext, @Arg('marketDayId', () => ID) marketDayId: string): Promise<MarketDayBoard> {
    return this.board.board(ctx, marketDayId);
  }

  @Public()
  @Query(() => [MarketDay], { description: 'Market days in a period (default: today to 8 weeks ahead, WITA).' })
  async marketDays(@Ctx() ctx: RequestContext, @Args(() => MarketDaysArgs) args: MarketDaysArgs): Promise<MarketDayRow[]> {
    await allocateDueDaysOnce(ctx);
    const from = args.from ?? witaDate(cityClock.now());
    const to = args.to ?? addDays(from, 56);
    return this.days.list(ctx, from, to > addDays(from, 400) ? addDays(from, 400) : to);
  }

  @Public()
  @Query(() => LocalDateScalar, { description: "Today's date in Kupang (WITA) by the market's clock: what \"tomorrow\" and \"this month\" mean on a vendor's home." })
  marketToday(): string {
    return witaDate(cityClock.now());
  }

  @Public()
  @Query(() => PublicMarket, { description: "The coming weekend's market and the businesses that agreed to be shown (no contact data)." })
  publicMarket(@Ctx() ctx: RequestContext): Promise<PublicMarket> {
    return this.board.publicMarket(ctx);
  }

  @FieldResolver(() => Boolean, { description: 'Requests are being taken right now.' })
  bookingOpen(@Root() day: MarketDay | MarketDayRow): boolean {
    const now = cityClock.now();
    return day.status !== 'CANCELLED' && now >= day.bookingOpensAt && now < day.checkInCutoff;
  }

  @FieldResolver(() => MarketBooking, { nullable: true, description: "The signed-in vendor's booking for this day, if any." })
  async myBooking(@Root() day: MarketDay | MarketDayRow, @Ctx() ctx: RequestContext): Promise<BookingRow | undefined> {
    return ctx.user ? ctx.loaders.get(myBookingByDayLoader).load(day.id) : undefined;
  }
}

/** Stall requests and bookings. */
@Resolver(() => MarketBooking)
export class MarketBookingResolver {
  private readonly bookings = new BookingService();

  @Allow(Permission.MarketVendor)
  @Mutation(() => BookingPayload, { description: 'A vendor requests a stall for a market day (idempotent with a key).' })
  async requestStall(@Ctx() ctx: RequestContext, @Arg('input', () => RequestStallInput) input: RequestStallInput): Promise<BookingPayload> {
    return payload(BookingPayload, await this.bookings.request(ctx, input));
  }

  @Allow(Permission.MarketVendor)
  @Mutation(() => BookingPayload, { description: 'A vendor cancels her request or booking before the deadline; the waitlist moves up.' })
  async cancelBooking(@Ctx() ctx: RequestContext, @Arg('input', () => BookingRefInput) input: BookingRefInput): Promise<BookingPayload> {
    return payload(BookingPayload, await this.bookings.cancel(ctx, input.bookingId));
  }

  @Allow(Permission.MarketManage)
  @Mutation(() => BookingPayload, { description: 'Staff check a vendor in on the market day.' })
  async checkInBooking(@Ctx() ctx: RequestContext, @Arg('input', () => CheckInBookingInput) input: CheckInBookingInput): Promise<BookingPayload> {
    return payload(BookingPayload, await this.bookings.checkIn(ctx, input));
  }

  @Allow(Permission.MarketVendor)
  @Query(() => MarketBookingConnection, { description: "The signed-in vendor's bookings, newest market day first (history)." })
  myBookings(@Ctx() ctx: RequestContext, @Args(() => MyBookingsArgs) args: MyBookingsArgs): Promise<ConnectionShape<BookingRow>> {
    return this.bookings.mine(ctx, args);
  }

  @FieldResolver(() => MarketDay)
  async marketDay(@Root() b: MarketBooking | BookingRow, @Ctx() ctx: RequestContext): Promise<MarketDay | MarketDayRow | undefined> {
    return loadedWith(b, 'marketDay') ?? ctx.loaders.get(marketDayLoader).load(bookingRefs(b).marketDayId);
  }

  @FieldResolver(() => Vendor)
  async vendor(@Root() b: MarketBooking | BookingRow, @Ctx() ctx: RequestContext): Promise<Vendor | VendorRow | undefined> {
    return loadedWith(b, 'vendor') ?? ctx.loaders.get(vendorLoader).load(bookingRefs(b).vendorId);
  }

  @FieldResolver(() => MarketStall, { nullable: true, description: 'The stall, once she has one.' })
  async stall(@Root() b: MarketBooking | BookingRow, @Ctx() ctx: RequestContext): Promise<MarketStall | StallRow | undefined> {
    const { stallId } = bookingRefs(b);
    if (!stallId) return undefined;
    return loadedWith(b, 'stall') ?? ctx.loaders.get(stallLoader).load(stallId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why she got (or did not get) a stall, in her language.' })
  async explanation(@Root() b: MarketBooking | BookingRow, @Ctx() ctx: RequestContext): Promise<string | null | undefined> {
    if (!b.allocationFacts) return b.explanation;
    const facts = b.waitlistPosition ? { ...b.allocationFacts, waitlistPosition: b.waitlistPosition } : b.allocationFacts;
    const stall = await this.stall(b, ctx);
    return explain(facts, stall?.code, ctx.locale);
  }
}

