import { graphql } from '../gql';

/** Freeze windows, plans and readiness as of a moment: what the freeze calendar and the launch page send. */

export const FreezeWindowPartsFragment = graphql(`
  fragment FreezeWindowParts on FreezeWindow {
    id
    name
    reason
    startsAt
    endsAt
    stages
    createdAt
    createdBy {
      id
      name
    }
    endedAt
    endedBy {
      id
      name
    }
  }
`);

export const FreezeWindowsQuery = graphql(`
  query FreezeWindows {
    freezeWindows {
      ...FreezeWindowParts
    }
    viewerCan {
      manageFreezeWindows
    }
  }
`);

export const CreateFreezeWindowMutation = graphql(`
  mutation CreateFreezeWindow($input: FreezeWindowInput!) {
    createFreezeWindow(input: $input) {
      id
    }
  }
`);

export const EndFreezeWindowMutation = graphql(`
  mutation EndFreezeWindow($id: ID!) {
    endFreezeWindow(id: $id) {
      id
      endedAt
    }
  }
`);

/** Requirement fields as the plan and the past readiness show them. */
export const RequirementPartsFragment = graphql(`
  fragment RequirementParts on Requirement {
    kind
    team
    message
    itemId
  }
`);

export const LaunchPlanQuery = graphql(`
  query LaunchPlan($key: String!, $gaBy: DateTime!) {
    launch(key: $key) {
      id
      plan(gaBy: $gaBy) {
        gaBy
        feasible
        earliestGaAt
        earlyAccessBy
        obstacles {
          ...RequirementParts
        }
        reconfirm {
          ...RequirementParts
        }
        stages {
          stage
          requiredItems
          doneItems
          teams {
            team
            requiredItems
            doneItems
            approvalsNeeded
            approvals
          }
        }
      }
    }
  }
`);

export const ReadinessAsOfQuery = graphql(`
  query ReadinessAsOf($key: String!, $asOf: DateTime!) {
    launch(key: $key) {
      id
      readiness(asOf: $asOf) {
        stage
        nextStage
        canAdvance
        blocked
        score
        missing {
          ...RequirementParts
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
