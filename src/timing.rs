//! User Timing measures around the expensive steps (parse, index, search), so that the
//! benchmark harness can read real figures from the real build. They stay in the page:
//! nothing is sent anywhere.

/// Runs `f` and records its duration as the performance measure `name`, replacing the
/// previous measure of that name so that a long session does not accumulate entries
/// (the harness collects them as they appear, with a PerformanceObserver).
pub fn measure<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let Some(performance) = web_sys::window().and_then(|window| window.performance()) else {
        return f();
    };
    let start = format!("{name}:start");
    let _ = performance.mark(&start);
    let value = f();
    performance.clear_measures_with_measure_name(name);
    let _ = performance.measure_with_start_mark(name, &start);
    performance.clear_marks_with_mark_name(&start);
    value
}
