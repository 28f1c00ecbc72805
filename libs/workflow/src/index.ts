export { TEAMS } from '#checklists';
