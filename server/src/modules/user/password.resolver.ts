import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import { PasswordResetService } from './password-reset.service';
import { ChangeMyPasswordInput, ResetPasswordInput, ResetPasswordPayload, UserPayload } from './user.types';

/** Forgotten passwords (reset by staff to a temporary one) and choosing one's own. */
@Resolver()
export class PasswordResolver {
  private readonly passwords = new PasswordResetService();

  @Allow(Permission.PasswordReset)
  @Mutation(() => ResetPasswordPayload, {
    description:
      'Resets a forgotten password to a temporary one, returned once; ends the account\'s sessions and requires a new password at its next sign-in. ADMIN: any other account; MARKET_STAFF: vendor accounts only. Audited.',
  })
  async resetPassword(@Ctx() ctx: RequestContext, @Arg('input', () => ResetPasswordInput) input: ResetPasswordInput): Promise<ResetPasswordPayload> {
    return Object.assign(new ResetPasswordPayload(), await this.passwords.reset(ctx, input.userId));
  }

  @Allow(Permission.AccountUpdateOwn)
  @Mutation(() => UserPayload, { description: 'The signed-in person sets a new password (after a reset, before anything else); her other sessions end.' })
  async changeMyPassword(@Ctx() ctx: RequestContext, @Arg('input', () => ChangeMyPasswordInput) input: ChangeMyPasswordInput): Promise<UserPayload> {
    return Object.assign(new UserPayload(), await this.passwords.changeMine(ctx, input.currentPassword, input.newPassword));
  }
}
