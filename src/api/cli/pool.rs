//! An ordered parallel map on plain `std` threads: jobs run on every core, results
//! come out in input order, and memory stays bounded however long the input is.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::{mpsc, Arc, Mutex};
use std::thread;

/// Runs `work` over `jobs` on `workers` threads and hands each result to `emit` in
/// job order. At most a few results per worker wait for a slow predecessor. `emit`
/// may return `Break` (say, on a closed pipe) to stop reading further jobs.
pub fn ordered_map<J: Send, R: Send>(
    jobs: impl Iterator<Item = J>,
    workers: usize,
    work: impl Fn(J) -> R + Sync,
    emit: impl FnMut(R) -> ControlFlow<()> + Send,
) {
    let workers = workers.max(1);
    let window = workers * 4;
    thread::scope(|scope| {
        let (job_tx, job_rx) = mpsc::sync_channel::<(usize, J)>(workers);
        // Shared by the workers, so it closes (and the reader stops) when the last one quits.
        let job_rx = Arc::new(Mutex::new(job_rx));
        let (result_tx, result_rx) = mpsc::channel::<(usize, R)>();
        // One permit per job in flight: the writer returns one for every result written.
        let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window);
        for _ in 0..window {
            let _ = permit_tx.send(());
        }
        for _ in 0..workers {
            let (job_rx, result_tx, work) = (Arc::clone(&job_rx), result_tx.clone(), &work);
            scope.spawn(move || loop {
                let next = job_rx.lock().ok().and_then(|rx| rx.recv().ok());
                let Some((index, job)) = next else { break };
                if result_tx.send((index, work(job))).is_err() {
                    break;
                }
            });
        }
        drop((job_rx, result_tx));
        scope.spawn(move || {
            let mut emit = emit;
            let mut waiting = BTreeMap::new();
            let mut next = 0;
            for (index, result) in result_rx {
                waiting.insert(index, result);
                while let Some(result) = waiting.remove(&next) {
                    next += 1;
                    if emit(result).is_break() {
                        return; // drops the permits: the reader stops
                    }
                    let _ = permit_tx.send(());
                }
            }
        });
        for job in jobs.enumerate() {
            if permit_rx.recv().is_err() || job_tx.send(job).is_err() {
                break;
            }
        }
        drop(job_tx); // lets the workers finish
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_with_uneven_work_and_stops_on_break() {
        let mut seen = Vec::new();
        let seen_ref = &mut seen;
        ordered_map(
            0..200u64,
            3,
            |n| {
                // Early jobs are slowest, so results arrive out of order.
                thread::sleep(std::time::Duration::from_micros(200u64.saturating_sub(n) * 5));
                n * 2
            },
            move |r| {
                seen_ref.push(r);
                if r == 100 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(seen, (0..=50u64).map(|n| n * 2).collect::<Vec<_>>());
    }
}
