import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import { AccountDataService } from './account-data.service';
import { EraseMyDataInput, EraseMyDataPayload, MyDataExportPayload } from './account-data.types';

/** The signed-in account holder's rights over her own data (UU 27/2022). */
@Resolver()
export class AccountDataResolver {
  private readonly service = new AccountDataService();

  @Allow(Permission.AccountRead)
  @Mutation(() => MyDataExportPayload, {
    description: 'A copy of everything kept about the signed-in account holder (for a vendor: her business, bookings, consents, turnover, trainings and mentoring too), as JSON and CSV; written to the audit trail.',
  })
  async exportMyData(@Ctx() ctx: RequestContext): Promise<MyDataExportPayload> {
    return Object.assign(new MyDataExportPayload(), await this.service.export(ctx));
  }

  @Allow(Permission.MarketVendor)
  @Mutation(() => EraseMyDataPayload, {
    description:
      'A vendor erases her personal data (UU 27/2022), at once and for good: names, phone, NIB, what she sells, her dispute comments and mentoring notes, her login and sessions. Kept, without her name: her vendor number, category and kelurahan, bookings and check-ins, turnover figures, training attendance and certificate numbers (the city’s and partners’ reports were built from them), and the audit trail without personal values. Refused while she is booked for a market day or signed up for a training to come.',
  })
  async eraseMyData(@Ctx() ctx: RequestContext, @Arg('input', () => EraseMyDataInput) input: EraseMyDataInput): Promise<EraseMyDataPayload> {
    return Object.assign(new EraseMyDataPayload(), await this.service.erase(ctx, input));
  }
}
