// Torch-heavy tests must not run in parallel: on 2 cores OpenMP spin-waits make them many times slower.
[assembly: DoNotParallelize]
