//! Work that may take a while (reading and importing a large export) on a worker thread, so
//! the window keeps drawing: progress and cancel through atomics, the result through a
//! channel, and a callback that asks the UI for a repaint. No egui types: the app passes a
//! closure that calls its `Context::request_repaint`.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// How far a piece of work is, and whether the user asked to stop it. Shared between the
/// worker (which advances it) and the UI (which reads it and may cancel).
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    cancelled: AtomicBool,
    repaint: Box<dyn Fn() + Send + Sync>,
}

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Progress")
            .field("done", &self.done)
            .field("total", &self.total)
            .field("cancelled", &self.cancelled)
            .finish_non_exhaustive()
    }
}

impl Default for Progress {
    /// Progress nobody watches (the command line, tests).
    fn default() -> Self {
        Self::new(|| {})
    }
}

impl Progress {
    /// Progress that calls `repaint` whenever it moves noticeably.
    pub fn new(repaint: impl Fn() + Send + Sync + 'static) -> Self {
        Self {
            done: AtomicU64::new(0),
            total: AtomicU64::new(0),
            cancelled: AtomicBool::new(false),
            repaint: Box::new(repaint),
        }
    }

    /// Starts a stage of `total` units (bytes of the file).
    pub fn start(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
        (self.repaint)();
    }

    /// Sets how many units are done; asks for a repaint each whole percent, not every row.
    pub fn set(&self, done: u64) {
        let total = self.total.load(Ordering::Relaxed).max(1);
        let before = self.done.swap(done, Ordering::Relaxed);
        if before * 100 / total != done * 100 / total {
            (self.repaint)();
        }
    }

    /// The share done, 0 to 1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.done.load(Ordering::Relaxed) as f64 / total as f64).clamp(0.0, 1.0) as f32
    }

    /// Asks the worker to stop at its next row.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// A function running on a worker thread, with its progress and, once it ends, its result.
#[derive(Debug)]
pub struct Job<T> {
    progress: Arc<Progress>,
    result: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a new named thread. `repaint` is called as it progresses and once it
    /// ends, so a UI that only draws on events still shows the result.
    pub fn spawn(
        work: impl FnOnce(&Progress) -> T + Send + 'static,
        repaint: impl Fn() + Send + Sync + 'static,
    ) -> std::io::Result<Self> {
        let progress = Arc::new(Progress::new(repaint));
        let (sender, result) = mpsc::channel();
        let worker = Arc::clone(&progress);
        std::thread::Builder::new()
            .name("crm-import".to_owned())
            .spawn(move || {
                let value = work(&worker);
                // The receiver is gone when the window closed the job: nothing to tell.
                let _ = sender.send(value);
                (worker.repaint)();
            })?;
        Ok(Self { progress, result })
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The result, once the work has ended; `Err(())` when the worker died without one.
    pub fn poll(&self) -> Option<Result<T, ()>> {
        match self.result.try_recv() {
            Ok(value) => Some(Ok(value)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_its_result_and_can_be_cancelled() {
        let job = Job::spawn(
            |progress: &Progress| {
                progress.start(10);
                while !progress.is_cancelled() {
                    std::thread::yield_now();
                }
                42
            },
            || {},
        );
        let Ok(job) = job else {
            panic!("no thread");
        };
        job.progress().cancel();
        let result = loop {
            if let Some(result) = job.poll() {
                break result;
            }
            std::thread::yield_now();
        };
        assert_eq!(result, Ok(42));
    }
}
