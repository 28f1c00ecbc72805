import { graphql } from '../gql';

/** Changing a launch after creation: its fields, new checklist items, and what they withdraw. */

/** A GO a change would withdraw: whose it is, so the warning can name the team and person. */
export const WithdrawnGoFragment = graphql(`
  fragment WithdrawnGo on SignOff {
    id
    team
    status
    signedBy {
      id
      name
    }
  }
`);

/** What the edit and add-item forms read of the launch page's launch. */
export const LaunchEditPartsFragment = graphql(`
  fragment LaunchEditParts on Launch {
    id
    key
    version
    stage
    name
    description
    targetGaDate
    supportLeadDays
    blockResponseHours
    viewerCan {
      update
      addItem
      addItemStages
    }
  }
`);

export const UpdateLaunchMutation = graphql(`
  mutation UpdateLaunch($id: ID!, $input: UpdateLaunchInput!) {
    updateLaunch(id: $id, input: $input) {
      id
      version
    }
  }
`);

export const AddItemMutation = graphql(`
  mutation AddItem($input: AddItemInput!) {
    addChecklistItem(input: $input) {
      id
    }
  }
`);

export const AddItemWithdrawsQuery = graphql(`
  query AddItemWithdraws($key: String!, $stage: Stage!, $required: Boolean!) {
    launch(key: $key) {
      id
      addItemWithdraws(stage: $stage, required: $required) {
        ...WithdrawnGo
      }
    }
  }
`);
