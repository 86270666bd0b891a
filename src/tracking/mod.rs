//! Step 3: where the teams stand against the agreed plan. Pure: document and plan in, figures
//! and chart series out; the Report tab, the command line and the exports draw them.
//!
//! - [`status`]: the pace of the month, the ISO week and the period to date, and the sales
//!   compliance, on one date.
//! - [`ideal`]: the plan's cumulative goal on any day (the line both teams "hug").
//! - [`actual`]: the actuals of one source or all, counted as leads and lead value.
//! - [`forecast`]: will we make it? The chance of reaching the month's, quarter's and period's
//!   goals, and the period's customers (Gamma–Poisson and beta-binomial, exact).
//! - [`series`]: the hug-the-line and sales compliance charts, egui-free.
//! - [`review`]: the monthly review of observed against assumed, and adopting it.
//! - [`import`]: a CRM's lead export (CSV) read into actuals per day and source.

pub mod actual;
pub mod forecast;
pub mod ideal;
pub mod import;
pub mod review;
pub mod series;
pub mod status;

pub use actual::{LeadValues, SourceFilter, last_day_with_data};
pub use forecast::{
    CustomerForecast, FanPoint, Forecast, SpanForecast, forecast, month_fan, period_fan,
};
pub use ideal::Ideal;
pub use review::{Observation, Review, SourceShare, adopt, review, revision_changes};
pub use series::{
    Granularity, LinePoint, MonthLine, Quantity, Span, compliance, month_line, period_line,
};
pub use status::{Pace, SalesStatus, State, Status, StatusError, Won, status, status_for, won};
