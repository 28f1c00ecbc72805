import { graphql } from '../gql';

/** The outcomes screens' operations (kept apart from operations.ts, which the board and launch pages share). */

export const OutcomeReportPageQuery = graphql(`
  query OutcomeReportPage($windowDays: Int) {
    outcomeReport(windowDays: $windowDays) {
      windowDays
      cohorts {
        name
        launches
        medianTicketsAfter
        meanTicketsAfter
      }
    }
    baselineLaunches {
      key
      name
      gaAt
    }
  }
`);

export const LaunchOutcomeQuery = graphql(`
  query LaunchOutcome($key: String!, $windowDays: Int) {
    launch(key: $key) {
      id
      earlyAccess {
        grantedAt
      }
      outcome(windowDays: $windowDays) {
        windowDays
        gaAt
        complete
        ticketsBefore
        ticketsAfter
        allTicketsBefore
        allTicketsAfter
        daily {
          day
          count
        }
      }
    }
  }
`);

/** GA launches' first-window counts and every cohort's median, for the board's GA column. */
export const BoardOutcomesQuery = graphql(`
  query BoardOutcomes {
    launches(filter: { stage: GA }, first: 100) {
      edges {
        node {
          key
          template
          outcome {
            complete
            ticketsAfter
          }
        }
      }
    }
    outcomeReport {
      cohorts {
        name
        medianTicketsAfter
      }
    }
  }
`);
