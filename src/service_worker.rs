//! The installed app: registers the service worker, notices a new version waiting, and
//! follows the connection. A new version is applied only when the reader asks for it.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// What the page knows about its connection and its version.
#[derive(Debug, Clone, Copy)]
pub struct AppStatus {
    /// Whether the browser says it is online.
    pub online: RwSignal<bool>,
    /// Whether a new version has been downloaded and waits for the reader's go-ahead.
    pub update_ready: RwSignal<bool>,
    /// Set once the reader has asked for the new version: the page reloads when it
    /// takes over, and only then.
    applying: RwSignal<bool>,
}

impl AppStatus {
    /// Starts following the connection and, once `ready` is true and unless `register` is
    /// false (a widget inside another site has no use for offline files), registers the
    /// service worker. Not before: its installation downloads the whole app again, and on
    /// a first visit that made the first results appear about 100 ms later.
    pub fn start(register: bool, ready: Signal<bool>) -> AppStatus {
        let status = AppStatus {
            online: RwSignal::new(
                web_sys::window().is_none_or(|window| window.navigator().on_line()),
            ),
            update_ready: RwSignal::new(false),
            applying: RwSignal::new(false),
        };
        let online = status.online;
        let up = window_event_listener(leptos::ev::online, move |_| online.set(true));
        let down = window_event_listener(leptos::ev::offline, move |_| online.set(false));
        on_cleanup(move || {
            up.remove();
            down.remove();
        });
        if register {
            if let Some(container) = container() {
                leptos::task::spawn_local(async move {
                    wait_until(ready).await;
                    register_worker(container, status).await;
                });
            }
        }
        status
    }

    /// Lets the waiting version take over; the page reloads when it has.
    pub fn apply_update(&self) {
        self.applying.set(true);
        let Some(container) = container() else { return };
        leptos::task::spawn_local(async move {
            let registration = JsFuture::from(container.get_registration()).await;
            let waiting = registration
                .ok()
                .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
                .and_then(|r| r.waiting());
            if let Some(worker) = waiting {
                let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
            }
        });
    }
}

/// Resolves once `flag` is true: the first time it is read true, or the first change to
/// true after that.
async fn wait_until(flag: Signal<bool>) {
    let (tell, told) = futures::channel::oneshot::channel::<()>();
    let mut tell = Some(tell);
    // This effect writes no signal: it only lets the waiting task go on.
    Effect::new(move |_| {
        if flag.get() {
            if let Some(tell) = tell.take() {
                let _ = tell.send(());
            }
        }
    });
    let _ = told.await;
}

/// `navigator.serviceWorker`, absent outside secure contexts and in some browsers.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()?
        .then(|| navigator.service_worker())
}

async fn register_worker(container: ServiceWorkerContainer, status: AppStatus) {
    let Ok(registration) = JsFuture::from(container.register("sw.js")).await else {
        return;
    };
    let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
        return;
    };
    // The new version takes over only after the reader's click; the first installation
    // also changes the controller, and must not reload anything.
    let applying = status.applying;
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if applying.get_untracked() {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    let update_ready = status.update_ready;
    let controlled = container.clone();
    let watch = move |worker: ServiceWorker| {
        let seen = worker.clone();
        let controlled = controlled.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if seen.state() == ServiceWorkerState::Installed && controlled.controller().is_some() {
                update_ready.set(true);
            }
        });
        worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    };
    let found = registration.clone();
    let watch_found = watch.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(worker) = found.installing() {
            watch_found(worker);
        }
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();

    if let Some(worker) = registration.installing() {
        watch(worker);
    }
    if registration.waiting().is_some() && container.controller().is_some() {
        update_ready.set(true);
    }
    // Ask for a newer version now rather than at the browser's next check.
    if let Ok(promise) = registration.update() {
        let _ = JsFuture::from(promise).await;
    }
    if registration.waiting().is_some() && container.controller().is_some() {
        update_ready.set(true);
    }
}
