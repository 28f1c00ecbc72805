import { graphql } from '../gql';

/**
 * Every operation the admin UI sends. `npm run codegen` turns these into typed documents in
 * ../gql; the UI uses only the public GraphQL API, so anything it does a client can do too.
 */

export const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      role
      teams
    }
  }
`);

export const BoardQuery = graphql(`
  query Board($filter: LaunchFilter, $first: Int, $after: String) {
    launches(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          key
          name
          stage
          blocked
          atRisk
          targetGaDate
          updatedAt
          coordinator {
            id
            name
          }
          earlyAccess {
            grantedAt
          }
          signOffs {
            stage
            team
            decision
            comment
            signedAt
          }
          readiness {
            score
            canAdvance
            nextStage
            missing {
              kind
              team
              message
            }
          }
        }
      }
    }
  }
`);

/** One team's part of a stage's gate, as readiness serves it: counts and its ACTIVE sign-off. */
export const TeamGatePartsFragment = graphql(`
  fragment TeamGateParts on TeamGate {
    team
    requiredItems
    doneItems
    signOff {
      id
      decision
      comment
      signedAt
      signedBy {
        id
        name
      }
    }
    approvalsNeeded
    approvals
    signOffs {
      id
      decision
      status
      signedAt
      expiresAt
      signedBy {
        id
        name
      }
    }
  }
`);

export const LaunchPageQuery = graphql(`
  query LaunchPage($key: String!) {
    launch(key: $key) {
      ...LaunchEditParts
      id
      key
      name
      description
      stage
      blocked
      version
      targetGaDate
      supportLeadDays
      blockResponseHours
      createdAt
      updatedAt
      checklistTemplate {
        name
        version
      }
      coordinator {
        id
        name
      }
      viewerCan {
        advance
        overrideFreeze
        cancel
        comment
        grantEarlyAccess
        grantEarlyAccessRefusal
        signOffs {
          team
          go
          goRefusal
          commentRequiredForGo
          commentRequiredForNoGo
        }
        items {
          itemId
          complete
          waive
          reopen
        }
      }
      earlyAccess {
        grantedAt
        grantedBy {
          id
          name
        }
        url
        notes
        leadDaysElapsed
        leadTimeMet
        leadTimeMetAt
      }
      checklist {
        id
        stage
        team
        title
        description
        required
        status
        evidenceUrl
        note
        completedBy {
          id
          name
        }
        completedAt
        reopenWithdraws {
          ...WithdrawnGo
        }
      }
      readiness {
        stage
        nextStage
        canAdvance
        blocked
        score
        missing {
          kind
          team
          message
          itemId
        }
        stages {
          stage
          requiredItems
          doneItems
          teams {
            ...TeamGateParts
          }
        }
      }
    }
  }
`);

export const LaunchEventsQuery = graphql(`
  query LaunchEvents($key: String!, $first: Int, $after: String) {
    launch(key: $key) {
      id
      events(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            sequence
            type
            stage
            team
            at
            data
            summary
            actor {
              id
              name
              role
            }
          }
        }
      }
    }
  }
`);

export const GoNoGoQuery = graphql(`
  query GoNoGo($key: String!) {
    launch(key: $key) {
      id
      key
      name
      stage
      blocked
      version
      targetGaDate
      supportLeadDays
      viewerCan {
        advance
        overrideFreeze
      }
      earlyAccess {
        grantedAt
        leadDaysElapsed
        leadTimeMet
        leadTimeMetAt
      }
      readiness {
        stage
        nextStage
        canAdvance
        blocked
        missing {
          kind
          team
          message
          itemId
          item {
            id
            title
          }
        }
        stages {
          stage
          teams {
            ...TeamGateParts
          }
        }
      }
    }
  }
`);

export const LaunchInputLimitsQuery = graphql(`
  query LaunchInputLimits {
    launchInputLimits {
      nameMaxLength
      titleMaxLength
      descriptionMaxLength
      supportLeadDays {
        min
        max
        wholeNumbers
        defaultValue
      }
      blockResponseHours {
        min
        max
        wholeNumbers
        defaultValue
      }
    }
  }
`);

export const CreateLaunchMutation = graphql(`
  mutation CreateLaunch($input: CreateLaunchInput!) {
    createLaunch(input: $input) {
      id
      key
    }
  }
`);

export const CompleteItemMutation = graphql(`
  mutation CompleteItem($input: CompleteItemInput!) {
    completeChecklistItem(input: $input) {
      id
      status
    }
  }
`);

export const ReopenItemMutation = graphql(`
  mutation ReopenItem($input: ReasonedItemInput!) {
    reopenChecklistItem(input: $input) {
      id
      status
    }
  }
`);

export const WaiveItemMutation = graphql(`
  mutation WaiveItem($input: ReasonedItemInput!) {
    waiveChecklistItem(input: $input) {
      id
      status
    }
  }
`);

export const SignOffMutation = graphql(`
  mutation SignOff($input: SignOffInput!) {
    signOff(input: $input) {
      id
      decision
      status
    }
  }
`);

export const AdvanceMutation = graphql(`
  mutation Advance($input: AdvanceInput!) {
    advanceLaunch(input: $input) {
      id
      stage
      version
    }
  }
`);

export const CancelMutation = graphql(`
  mutation Cancel($input: CancelInput!) {
    cancelLaunch(input: $input) {
      id
      stage
      version
    }
  }
`);

export const GrantEarlyAccessMutation = graphql(`
  mutation GrantEarlyAccess($input: EarlyAccessInput!) {
    grantEarlyAccess(input: $input) {
      id
      version
    }
  }
`);

/** Every committed event, as the live pages need it: whose change it was and what it said. */
export const LiveEventsSubscription = graphql(`
  subscription LiveEvents {
    launchEvents {
      id
      launchId
      sequence
      type
      team
      at
      summary
      actor {
        id
        name
      }
    }
  }
`);

/** The header's needs: what the role allows outside a launch, and how much waits on me. */
export const HeaderQuery = graphql(`
  query Header {
    viewerCan {
      createLaunch
      manageUsers
      manageWebhooks
      manageTemplates
    }
    myWork {
      kind
    }
  }
`);

export const MyWorkQuery = graphql(`
  query MyWork {
    myWork {
      kind
      stage
      team
      message
      waitingSince
      item {
        id
      }
      launch {
        id
        key
        name
        stage
        blocked
        targetGaDate
      }
    }
  }
`);

export const AddCommentMutation = graphql(`
  mutation AddComment($input: CommentInput!) {
    addComment(input: $input) {
      id
      sequence
    }
  }
`);

export const ViewerCanQuery = graphql(`
  query ViewerCan {
    viewerCan {
      createLaunch
      manageTemplates
    }
  }
`);
