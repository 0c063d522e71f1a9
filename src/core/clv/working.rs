//! The customers view's working (docs/metrics.md section 9): each figure's formula and the
//! fitted numbers put into it, written in the page's number style (the page writes the
//! constants in the language's digits too, with `NumberStyle::localize`). The page adds the
//! words of each line by its id: a line holds symbols and numbers only.

use super::gamma_gamma::Mean;
use super::report::ClvResults;
use super::value::unit_discount;
use crate::core::number::NumberStyle;

/// What a working line is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepId {
    Summary,
    BgNbdFit,
    PAlive,
    NewCustomer,
    GammaGammaFit,
    MeanValue,
    Discount,
    Value,
}

/// One working line: the formula, then the numbers.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Step {
    pub id: StepId,
    pub formula: &'static str,
    pub substituted: String,
}

/// The working of `results`; a model without a fit has no lines after its fit's.
pub fn working(results: &ClvResults, style: &NumberStyle) -> Vec<Step> {
    let r3 = |x: f64| style.fixed(x, 3);
    let n = |v: usize| style.count(i64::try_from(v).unwrap_or(i64::MAX));
    let s = &results.settings;
    let per = n(s.unit.days() as usize);
    let h = s.value.horizon;
    let mut steps = vec![Step {
        id: StepId::Summary,
        formula: "x = k \u{2212} 1; t_x = (d_l \u{2212} d_f) / u; T = (d_e \u{2212} d_f) / u",
        substituted: format!(
            "u = {per}: N = {}; N(x > 0) = {}",
            n(results.customers),
            n(results.repeat_buyers)
        ),
    }];
    let Ok(fit) = &results.bgnbd else {
        return steps;
    };
    let m = fit.model;
    steps.push(Step {
        id: StepId::BgNbdFit,
        formula: "LL(r, \u{3B1}, a, b) = \u{3A3} ln L(r, \u{3B1}, a, b | x, t_x, T)",
        substituted: format!(
            "r = {}; \u{3B1} = {}; a = {}; b = {}; LL = {}",
            r3(m.r),
            r3(m.alpha),
            r3(m.a),
            r3(m.b),
            style.fixed(fit.log_likelihood, 2)
        ),
    });
    if let Some(p) = results.average_p_alive {
        steps.push(Step {
            id: StepId::PAlive,
            formula: "P(alive) = 1 / (1 + \u{3B4}(x > 0) a / (b + x \u{2212} 1) ((\u{3B1} + T) / (\u{3B1} + t_x))^(r + x))",
            substituted: format!(
                "\u{3A3} P(alive) / N = {}; N = {}",
                style.percent(p, 1),
                n(results.customers)
            ),
        });
    }
    if let Some(e) = results.new_customer_expected {
        steps.push(Step {
            id: StepId::NewCustomer,
            formula: "E[X(t)] = (a + b \u{2212} 1) / (a \u{2212} 1) [1 \u{2212} (\u{3B1} / (\u{3B1} + t))^r \u{2082}F\u{2081}(r, b; a + b \u{2212} 1; t / (\u{3B1} + t))]",
            substituted: format!(
                "t = {}: ({} + {} \u{2212} 1) / ({} \u{2212} 1) [1 \u{2212} ({} / ({} + {}))^{} \u{2082}F\u{2081}(\u{2026})] = {}",
                n(h as usize),
                r3(m.a),
                r3(m.b),
                r3(m.a),
                r3(m.alpha),
                r3(m.alpha),
                n(h as usize),
                r3(m.r),
                r3(e)
            ),
        });
    }
    let Ok(gg) = &results.gamma_gamma else {
        return steps;
    };
    let g = gg.model;
    steps.push(Step {
        id: StepId::GammaGammaFit,
        formula: "LL(p, q, \u{3B3}) = \u{3A3} ln f(m_x | p, q, \u{3B3}, x), x > 0",
        substituted: format!(
            "N = {}: p = {}; q = {}; \u{3B3} = {}; LL = {}",
            n(gg.customers),
            r3(g.p),
            r3(g.q),
            r3(g.gamma),
            style.fixed(gg.log_likelihood, 2)
        ),
    });
    let population = match results.population_mean {
        Some(Mean::Finite(v)) => r3(v),
        _ => "\u{221E}".to_string(),
    };
    steps.push(Step {
        id: StepId::MeanValue,
        formula: "E[M | x, m_x] = (\u{3B3} p + p x m_x) / (p x + q \u{2212} 1); x = 0: \u{3B3} p / (q \u{2212} 1)",
        substituted: format!(
            "{} \u{D7} {} / ({} \u{2212} 1) = {}",
            r3(g.gamma),
            r3(g.p),
            r3(g.q),
            population
        ),
    });
    let d = unit_discount(s.value.annual_discount, s.unit);
    steps.push(Step {
        id: StepId::Discount,
        formula: "d = (1 + D)^(1 / n) \u{2212} 1",
        substituted: format!(
            "(1 + {})^(1 / {}) \u{2212} 1 = {}",
            style.percent(s.value.annual_discount, 2),
            n(s.unit.per_year() as usize),
            style.percent(d, 4)
        ),
    });
    if let Some(average) = results.average_value {
        steps.push(Step {
            id: StepId::Value,
            formula:
                "V = \u{3A3}_{i = 1..H} (E[Y(i)] \u{2212} E[Y(i \u{2212} 1)]) E[M] gm / (1 + d)^i",
            substituted: format!(
                "H = {}; gm = {}: \u{3A3} V / N = {}; N = {}",
                n(h as usize),
                style.percent(s.value.margin, 1),
                match average {
                    Mean::Finite(v) => style.fixed(v, 2),
                    Mean::NotFinite => "\u{221E}".to_string(),
                },
                n(results.customers)
            ),
        });
    }
    steps
}
