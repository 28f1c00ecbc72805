import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MaxLength } from 'class-validator';
import { CurrentViewer } from './current-viewer.decorator.js';
import { AuthService } from './auth.service.js';
import type { Viewer } from './viewer.js';
import { parseId } from '../common/ids.js';
import { NotBlank } from '../common/validators.js';
import { CreateUserInput } from './dto/create-user.input.js';
import { ApiTokenModel, CreatedApiTokenModel } from './models/api-token.model.js';
import { UserModel } from './models/user.model.js';
import { UsersService } from './users.service.js';

@ArgsType()
class CreateApiTokenArgs {
  @Field(() => ID) userId!: string;
  @Field({ description: 'What the token is for, 1..100 characters.' })
  @NotBlank()
  @MaxLength(100)
  name!: string;
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
  apiTokens(
    @CurrentViewer() viewer: Viewer,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<ApiTokenModel[]> {
    return this.auth.listTokens(viewer, parseId(userId, 'User'));
  }

  @Mutation(() => UserModel, { description: 'Creates a user (ADMIN). A taken email is CONFLICT.' })
  createUser(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateUserInput,
  ): Promise<UserModel> {
    return this.userService.create(viewer, { ...input, teams: input.teams ?? [] });
  }

  @Mutation(() => CreatedApiTokenModel, {
    description: 'Issues a token (ADMIN, or the user for itself); the secret is shown once.',
  })
  async createApiToken(
    @CurrentViewer() viewer: Viewer,
    @Args() args: CreateApiTokenArgs,
  ): Promise<CreatedApiTokenModel> {
    const { token, secret, user } = await this.auth.createToken(
      viewer,
      parseId(args.userId, 'User'),
      args.name.trim(),
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
