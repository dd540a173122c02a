// The scenarios measure this process's memory and time, and start child processes and servers; run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
