import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission, Public } from '../../graphql/permissions';
import { User } from '../user/user.entity';
import type { UserRow } from '../user/user.row';
import { AuthService } from './auth.service';
import { SignInInput, SignInPayload, SignOutPayload } from './auth.types';

@Resolver()
export class AuthResolver {
  private readonly auth = new AuthService();

  @Public()
  @Mutation(() => SignInPayload, { description: 'Signs in (masuk) and sets an httpOnly session cookie.' })
  async signIn(@Ctx() ctx: RequestContext, @Arg('input', () => SignInInput) input: SignInInput): Promise<SignInPayload> {
    return Object.assign(new SignInPayload(), await this.auth.signIn(ctx, input.login, input.password));
  }

  @Public()
  @Mutation(() => SignOutPayload, { description: 'Signs out (keluar): ends the session on the server.' })
  async signOut(@Ctx() ctx: RequestContext): Promise<SignOutPayload> {
    return Object.assign(new SignOutPayload(), { signedOut: await this.auth.signOut(ctx), userErrors: [] });
  }

  @Allow(Permission.AccountRead)
  @Query(() => User, { description: 'The signed-in account.' })
  me(@Ctx() ctx: RequestContext): UserRow {
    return ctx.user!.account;
  }
}
