import { graphql } from '../gql';

/** People and their tokens (ADMIN, or each person for its own tokens). */

export const UsersQuery = graphql(`
  query Users {
    users {
      id
      name
      email
      role
      teams
      active
      managedBy
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      role
      teams
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      id
      active
    }
  }
`);

export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      id
      active
    }
  }
`);

export const ApiTokensQuery = graphql(`
  query ApiTokens($userId: ID!) {
    apiTokens(userId: $userId) {
      id
      name
      createdAt
      lastUsedAt
      revokedAt
      scopes
      teams
      launchIds
      expiresAt
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken(
    $userId: ID!
    $name: String!
    $scopes: [TokenScope!]
    $teams: [Team!]
    $launchIds: [ID!]
    $expiresAt: DateTime
  ) {
    createApiToken(
      userId: $userId
      name: $name
      scopes: $scopes
      teams: $teams
      launchIds: $launchIds
      expiresAt: $expiresAt
    ) {
      id
      token
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id)
  }
`);
