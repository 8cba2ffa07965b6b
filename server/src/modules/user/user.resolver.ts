import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { ConnectionShape } from '../../graphql/connection';
import { Allow, Permission } from '../../graphql/permissions';
import { Partner } from '../partner/partner.entity';
import type { PartnerRow } from '../partner/partner.loaders';
import type { RegionRow } from '../region/region.cache';
import { Region } from '../region/region.entity';
import { User } from './user.entity';
import type { UserRow } from './user.row';
import { UserService } from './user.service';
import { CreateUserInput, ResetUserPasswordInput, SetMyLocaleInput, SetUserActiveInput, UserConnection, UserPayload, UsersArgs } from './user.types';

@Resolver(() => User)
export class UserResolver {
  private readonly userService = new UserService();

  @Allow(Permission.UserManage)
  @Query(() => UserConnection, { description: 'All accounts (admin only).' })
  users(@Ctx() ctx: RequestContext, @Args(() => UsersArgs) args: UsersArgs): Promise<ConnectionShape<UserRow>> {
    return this.userService.list(ctx, args);
  }

  @Allow(Permission.UserManage)
  @Mutation(() => UserPayload, { description: 'Creates an account with a role (admin only).' })
  async createUser(@Ctx() ctx: RequestContext, @Arg('input', () => CreateUserInput) input: CreateUserInput): Promise<UserPayload> {
    return Object.assign(new UserPayload(), await this.userService.createIdempotent(ctx, input));
  }

  @Allow(Permission.UserManage)
  @Mutation(() => UserPayload, { description: "Sets a new password and ends the account's sessions (admin only)." })
  async resetUserPassword(@Ctx() ctx: RequestContext, @Arg('input', () => ResetUserPasswordInput) input: ResetUserPasswordInput): Promise<UserPayload> {
    return Object.assign(new UserPayload(), await this.userService.resetPassword(ctx, input.userId, input.newPassword));
  }

  @Allow(Permission.UserManage)
  @Mutation(() => UserPayload, { description: 'Enables or disables an account (admin only).' })
  async setUserActive(@Ctx() ctx: RequestContext, @Arg('input', () => SetUserActiveInput) input: SetUserActiveInput): Promise<UserPayload> {
    return Object.assign(new UserPayload(), await this.userService.setActive(ctx, input.userId, input.active));
  }

  @Allow(Permission.AccountUpdateOwn)
  @Mutation(() => UserPayload, { description: 'Remembers the language of the signed-in account (id or en); it is used again at every sign-in.' })
  async setMyLocale(@Ctx() ctx: RequestContext, @Arg('input', () => SetMyLocaleInput) input: SetMyLocaleInput): Promise<UserPayload> {
    return Object.assign(new UserPayload(), await this.userService.setMyLocale(ctx, input.locale));
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'Partner organisation of a PARTNER account.' })
  partner(@Ctx() ctx: RequestContext, @Root() user: UserRow | User): Promise<PartnerRow | undefined> {
    return this.userService.partnerOf(ctx, user);
  }

  @FieldResolver(() => [Region], { description: 'Kelurahan a PROGRAM_STAFF account is limited to; empty = whole city.' })
  kelurahanScope(@Ctx() ctx: RequestContext, @Root() user: Pick<User, 'id'>): Promise<RegionRow[]> {
    return this.userService.kelurahanScopeOf(ctx, user.id);
  }
}
