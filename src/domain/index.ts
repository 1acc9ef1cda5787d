/** Public API of the domain module: every screen and report computes through these. */
export {
  CAPAIAN_FRACTION_DIGITS,
  CATEGORY_LABEL,
  type Capaian,
  type CapaianFormula,
  type CapaianInput,
  type ComputedCapaian,
  categorize,
  computeCapaian,
  FORMULA_TEXT,
  type LowerFormula,
  PERMENDAGRI_CUTS,
  type PerformanceCategory,
  type Polarity,
  type Progress,
  type ProgressInput,
  progressToDate,
} from "./achievement.js";
export {
  type AggregatedValue,
  type Aggregation,
  type AggregationRule,
  aggregate,
  type ReportKey,
  type ReportRecord,
} from "./aggregation.js";
export {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
  auditEntityLabel,
  codesMatching,
} from "./audit-labels.js";
export {
  EFFICIENCY_LABEL,
  type EfficiencyLevel,
  type Efisiensi,
  efisiensi,
  type Serapan,
  type SerapanToDate,
  serapan,
  serapanToDate,
} from "./budget.js";
export {
  DEFAULT_REMINDER_DAYS_BEFORE,
  type DeadlineKind,
  dataSetPeriodsDue,
  defaultRegionDeadlines,
  OVERDUE_CATCH_UP_DAYS,
  REGION_DEADLINE_KINDS,
  type RegionDeadline,
  type RegionDeadlineKind,
  type ReminderKind,
  type ReminderText,
  regionDeadlinePeriods,
  regionDeadlines,
  reminderDue,
  reminderText,
} from "./deadlines.js";
export {
  add,
  canonical,
  compare,
  type DecimalSeparator,
  div,
  formatNumberId,
  formatRupiah,
  isZero,
  mul,
  type ParseDecimalOptions,
  parseDecimal,
  round,
  scaleOf,
  splitEvenly,
  sub,
  sum,
} from "./decimal.js";
export { defaultYear } from "./default-year.js";
export { parseDhis2Period, toAdxPeriod } from "./dhis2-periods.js";
export { type EntryWindow, type EntryWindowRule, entryWindow, shiftPeriod } from "./entry-window.js";
export { type BilingualText, DomainError } from "./errors.js";
export {
  dataElementsOf,
  type Evaluation,
  EXPRESSION_FRACTION_DIGITS,
  type Expression,
  evaluate,
  parseExpression,
} from "./expression.js";
export {
  FORECAST_STATUS_LABEL,
  type Forecast,
  type ForecastInput,
  type ForecastMethod,
  type ForecastStatus,
  forecastYearEnd,
} from "./forecast.js";
export {
  checkDefinition,
  type DefinitionDraft,
  type DefinitionIssue,
  TIME_AGGREGATIONS,
  type TimeAggregation,
} from "./indicator-check.js";
export {
  type CompiledExpression,
  type CountIndicator,
  computeIndicator,
  type DirectIndicator,
  type DirectOrgUnitRule,
  type DirectTimeRule,
  defineIndicator,
  INDICATOR_FRACTION_DIGITS,
  type IndicatorDefinition,
  type IndicatorSpec,
  type IndicatorValue,
  indicatorDataElements,
  kindFromUnit,
  polarityFromName,
  RATIO_FACTORS,
  type RatioFactor,
  type RatioIndicator,
  ratioValue,
  unitWarnings,
} from "./indicators.js";
export {
  isMemberAt,
  type Membership,
  type MembershipPlan,
  membersAt,
  planMembership,
  type WantedElement,
} from "./membership.js";
export {
  type IndicatorOverMonths,
  indicatorOverMonths,
  type MonthlySums,
  type MonthlyTotal,
  monthlySums,
} from "./monthly-sums.js";
export {
  childPeriods,
  comparePeriods,
  contains,
  dhis2Code,
  endDate,
  type Language,
  makePeriod,
  monthsOf,
  type Period,
  type PeriodType,
  parentPeriod,
  parsePeriod,
  parseRecordablePeriod,
  periodLabel,
  periodOfDate,
  periodsInYear,
  previousPeriod,
  quarterOfMonth,
  RECORDABLE_YEARS,
  startDate,
} from "./periods.js";
export { type BudgetFinding, type BudgetNode, checkBudgets } from "./plan-checks.js";
export {
  comparisonTarget,
  evaluateQuarter,
  type IndicatorKind,
  type QuarterEvaluation,
  type QuarterEvaluationInput,
} from "./quarter-evaluation.js";
export {
  type Comparator,
  checkYearColumns,
  type Departure,
  type RenstraTarget,
  readRenstraTarget,
  renstraVersionLabel,
  TARGET_NOTE_TEXT,
  type TargetNote,
  targetDeparture,
  type YearColumnsCheck,
} from "./renstra.js";
export { type NotComputable, type NotComputableReason, notComputable } from "./result.js";
export { checkRules, ELEMENT_CODE, isElementCode, type RuleProblem } from "./rule-check.js";
export { parseRupiah, rupiahAmount, wholeRupiah } from "./rupiah.js";
export {
  BAND_COLOUR,
  BAND_SHORT,
  bandOf,
  legendOf,
  rankValues,
  type ScorecardLegend,
  type Trend,
  trendOf,
  validCuts,
} from "./scorecard.js";
export { computeIkm, SKM_BAND_LABEL, SKM_ELEMENTS, type SkmBand, type SkmResult, skmBand } from "./skm.js";
export {
  byProvider,
  CAPAIAN_DIGITS as SPM_CAPAIAN_DIGITS,
  cumulativeFigures,
  gapTo100,
  meanCapaian,
  numeratorElements,
  numeratorValues,
  type OwnerType as ProviderOwnerType,
  PROVIDER_GROUPS,
  type ProviderGroup,
  parseSpmFormula,
  providerGroup,
  type ReportedSum,
  type SpmFigures,
  type SpmFormula,
  spmFigures,
  spmMonths,
  spmShareOfTarget,
  spmTargetReached,
  spmTargetValue,
} from "./spm-achievement.js";
export {
  monthsThroughQuarter,
  penerimaCapaian,
  SPM_INDEX_RULE,
  type SpmIndexRule,
  spmRegionIndex,
  spmServiceIndex,
} from "./spm-index.js";
export {
  type EstimatedPopulation,
  estimatePopulation,
  type Prevalence,
  parseHeadCount,
} from "./spm-population.js";
export {
  formatTarget,
  parseTarget,
  storedForm,
  storedTarget,
  type TargetValue,
  targetAmount,
} from "./target-parse.js";
export {
  checkQuarter,
  inferMode,
  type PointInTimeYearRule,
  parseTargetSeries,
  type Quarterly,
  type QuarterNumber,
  type ReconcileStatus,
  type Reconciliation,
  reconcile,
  splitAnnual,
  TARGET_MODES,
  type TargetCells,
  type TargetMode,
  type TargetSeries,
  targetToDate,
} from "./targets.js";
export {
  findingKey,
  unexplainedWarnings,
  type ValidationFinding,
  type ValidationInput,
  type ValidationRule,
  validateValues,
} from "./validation.js";
export {
  type ActionPermission,
  actionPermissions,
  actionStep,
  availableActions,
  checkSubmittedContent,
  deadlineOf,
  isEditable,
  isOnTime,
  needsReason,
  nextStatus,
  permissionsFor,
  type ReportAction,
  type ReportStatus,
} from "./workflow.js";
