import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import { Partner } from './partner.entity';
import { PartnerService } from './partner.service';
import { CreatePartnerInput, PartnerPayload, UpdatePartnerContactInput } from './partner.types';

@Resolver(() => Partner)
export class PartnerResolver {
  private readonly partnerService = new PartnerService();

  @Allow(Permission.PartnerManage)
  @Query(() => [Partner], { description: 'Funding partner organisations (admin only; a short list).' })
  partners(@Ctx() ctx: RequestContext): Promise<Partner[]> {
    return this.partnerService.list(ctx);
  }

  @Allow(Permission.PartnerManage)
  @Mutation(() => PartnerPayload, { description: 'Registers a funding partner organisation (admin only).' })
  async createPartner(@Ctx() ctx: RequestContext, @Arg('input', () => CreatePartnerInput) input: CreatePartnerInput): Promise<PartnerPayload> {
    return Object.assign(new PartnerPayload(), await this.partnerService.createIdempotent(ctx, input.name, input.sector, input.idempotencyKey));
  }

  @Allow(Permission.PartnerManage)
  @Mutation(() => PartnerPayload, { description: "Changes a partner's sector and business contact (admin only)." })
  async updatePartnerContact(@Ctx() ctx: RequestContext, @Arg('input', () => UpdatePartnerContactInput) input: UpdatePartnerContactInput): Promise<PartnerPayload> {
    return Object.assign(new PartnerPayload(), await this.partnerService.updateContact(ctx, input));
  }
}
