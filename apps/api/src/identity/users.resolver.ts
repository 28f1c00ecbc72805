import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import type { Team, TokenScope } from '#workflow';
import { TeamEnum, TokenScopeEnum } from '../common/graphql-enums.js';
import { CurrentViewer } from './current-viewer.decorator.js';
import { AuthService } from './auth.service.js';
import type { Viewer } from './viewer.js';
import { parseId } from '../common/ids.js';
import { NotBlank } from '../common/validators.js';
import { CreateUserInput } from './dto/create-user.input.js';
import { UpdateUserInput } from './dto/update-user.input.js';
import { ApiTokenModel, apiTokenModel, CreatedApiTokenModel } from './models/api-token.model.js';
import { UserModel } from './models/user.model.js';
import { UsersService } from './users.service.js';

@ArgsType()
class CreateApiTokenArgs {
  @Field(() => ID) userId!: string;
  @Field({ description: 'What the token is for, 1..100 characters.' })
  @NotBlank()
  @MaxLength(100)
  name!: string;
  @Field(() => [TokenScopeEnum], {
    nullable: true,
    description: 'What the token may change; leave it out for every scope, present and future.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  scopes?: TokenScope[] | null;
  @Field(() => [TeamEnum], {
    nullable: true,
    description: 'Items and sign-offs only for these teams; leave it out for no team limit.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  teams?: Team[] | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Mutations only on these launches; leave it out for no launch limit.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  launchIds?: string[] | null;
  @Field(() => Date, {
    nullable: true,
    description: 'From this instant on the token no longer works; leave it out for never.',
  })
  @IsOptional()
  expiresAt?: Date | null;
}

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly userService: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Query(() => UserModel, { description: 'The caller.' })
  me(@CurrentViewer() viewer: Viewer): UserModel {
    return viewer.user;
  }

  @Query(() => [UserModel], { description: 'Every user (ADMIN).' })
  users(@CurrentViewer() viewer: Viewer): Promise<UserModel[]> {
    return this.userService.list(viewer);
  }

  @Query(() => [ApiTokenModel], {
    description: "A user's tokens, never their secrets (ADMIN, or the user itself).",
  })
  async apiTokens(
    @CurrentViewer() viewer: Viewer,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<ApiTokenModel[]> {
    const tokens = await this.auth.listTokens(viewer, parseId(userId, 'User'));
    return tokens.map(apiTokenModel);
  }

  @Mutation(() => UserModel, { description: 'Creates a user (ADMIN). A taken email is CONFLICT.' })
  createUser(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateUserInput,
  ): Promise<UserModel> {
    return this.userService.create(viewer, { ...input, teams: input.teams ?? [] });
  }

  @Mutation(() => UserModel, {
    description:
      'Changes a user (ADMIN; a user may change its own name). Role and teams of a user the identity provider manages: BAD_USER_INPUT; demoting the last active admin: CONFLICT.',
  })
  updateUser(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateUserInput,
  ): Promise<UserModel> {
    return this.userService.update(viewer, parseId(id, 'User'), input);
  }

  @Mutation(() => UserModel, {
    description:
      'Deactivates a user (ADMIN): its tokens are revoked, sessions ended and sockets closed at once; its sign-offs keep counting. The last active admin: CONFLICT.',
  })
  deactivateUser(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<UserModel> {
    return this.userService.deactivate(viewer, parseId(id, 'User'));
  }

  @Mutation(() => UserModel, {
    description: 'Lets a deactivated user sign in again (ADMIN); revoked tokens stay revoked.',
  })
  reactivateUser(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<UserModel> {
    return this.userService.reactivate(viewer, parseId(id, 'User'));
  }

  @Mutation(() => CreatedApiTokenModel, {
    description:
      'Issues a token (ADMIN, or the user for itself), optionally limited to scopes, teams, launches and an expiry; the secret is shown once.',
  })
  async createApiToken(
    @CurrentViewer() viewer: Viewer,
    @Args() args: CreateApiTokenArgs,
  ): Promise<CreatedApiTokenModel> {
    const { token, secret, user } = await this.auth.createToken(
      viewer,
      parseId(args.userId, 'User'),
      args.name.trim(),
      {
        scopes: args.scopes,
        teams: args.teams,
        launchIds: args.launchIds,
        expiresAt: args.expiresAt,
      },
    );
    return { id: token.id, name: token.name, token: secret, user };
  }

  @Mutation(() => Boolean, {
    description: "Revokes a token (ADMIN, or the token's user); it stops working at once.",
  })
  revokeApiToken(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.auth.revokeToken(viewer, parseId(id, 'API token'));
  }
}
