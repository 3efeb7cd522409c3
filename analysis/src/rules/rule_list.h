#pragma once
// Every rule, one function per file in this folder. The order here is the order rules
// run in; the findings are sorted afterwards, so it does not show in the output.
#include "rule.h"

#include <utility>
#include <vector>

namespace archlens::rules {

#define ARCHLENS_RULES(X)                                                                          \
    X("single-point-of-failure", singlePointOfFailure)                                             \
    X("shared-failure-domain", sharedFailureDomain)                                                \
    X("missing-idempotency", missingIdempotency)                                                   \
    X("retry-storm", retryStorm)                                                                   \
    X("retry-without-backoff", retryWithoutBackoff)                                                \
    X("sync-chain", syncChain)                                                                     \
    X("timeout-budget", timeoutBudget)                                                             \
    X("missing-timeout", missingTimeout)                                                           \
    X("no-circuit-breaker", noCircuitBreaker)                                                      \
    X("queue-without-dlq", queueWithoutDlq)                                                        \
    X("unbounded-queue", unboundedQueue)                                                           \
    X("unthrottled-entry", unthrottledEntry)                                                       \
    X("missing-auth", missingAuth)                                                                 \
    X("saturated-component", saturatedComponent)                                                   \
    X("no-cache-hot-reads", noCacheHotReads)                                                       \
    X("availability-below-target", availabilityBelowTarget)                                        \
    X("latency-above-target", latencyAboveTarget)                                                  \
    X("call-cycle", callCycle)                                                                     \
    X("manual-failover", manualFailover)                                                           \
    X("no-health-checks", noHealthChecks)                                                          \
    X("cache-without-ttl", cacheWithoutTtl)                                                        \
    X("chatty-io", chattyIo)                                                                       \
    X("fan-out-tail", fanOutTail)                                                                  \
    X("non-durable-queue", nonDurableQueue)                                                        \
    X("no-monitoring", noMonitoring)                                                               \
    X("client-to-datastore", clientToDatastore)                                                    \
    X("missing-load-balancer", missingLoadBalancer)                                                \
    X("no-failure-tolerance", noFailureTolerance)                                                  \
    X("single-region", singleRegion)                                                               \
    X("unused-component", unusedComponent)                                                         \
    X("stateful-service", statefulService)                                                         \
    X("unplaced-component", unplacedComponent)                                                     \
    X("sync-to-external", syncToExternal)                                                          \
    X("cache-without-invalidation", cacheWithoutInvalidation)                                      \
    X("write-behind-not-durable", writeBehindNotDurable)                                           \
    X("static-through-app", staticThroughApp)                                                      \
    X("upload-through-service", uploadThroughService)                                              \
    X("stacked-http-caches", stackedHttpCaches)                                                    \
    X("timer-cache-reload", timerCacheReload)                                                      \
    X("cdn-without-expiry", cdnWithoutExpiry)                                                      \
    X("claim-check", claimCheck)                                                                   \
    X("dual-write", dualWrite)                                                                     \
    X("no-compensation", noCompensation)                                                           \
    X("async-no-reply", asyncNoReply)                                                              \
    X("global-ordering", globalOrdering)                                                           \
    X("mixed-priority-queue", mixedPriorityQueue)                                                  \
    X("uncoordinated-scheduler", uncoordinatedScheduler)                                           \
    X("unthrottled-external-calls", unthrottledExternalCalls)                                      \
    X("no-failover-headroom", noFailoverHeadroom)                                                  \
    X("sequential-aggregation", sequentialAggregation)                                             \
    X("shared-pool", sharedPool)                                                                   \
    X("fan-out-on-write", fanOutOnWrite)                                                           \
    X("breaker-without-fallback", breakerWithoutFallback)                                          \
    X("hardwired-instances", hardwiredInstances)                                                   \
    X("config-on-hot-path", configOnHotPath)                                                       \
    X("async-replication-loss", asyncReplicationLoss)                                              \
    X("multi-writer-conflicts", multiWriterConflicts)                                              \
    X("stale-replica-read", staleReplicaRead)                                                      \
    X("strong-cross-region", strongCrossRegion)                                                    \
    X("single-primary-write-limit", singlePrimaryWriteLimit)                                       \
    X("shared-database", sharedDatabase)                                                           \
    X("stale-index", staleIndex)                                                                   \
    X("cross-region-data", crossRegionData)                                                        \
    X("l4-path-routing", l4PathRouting)                                                            \
    X("connection-blind-balancing", connectionBlindBalancing)                                      \
    X("write-over-udp", writeOverUdp)                                                              \
    X("dns-failover-ttl", dnsFailoverTtl)                                                          \
    X("push-cdn-without-upload", pushCdnWithoutUpload)                                             \
    X("origin-miss-storm", originMissStorm)                                                        \
    X("blanket-consistency", blanketConsistency)                                                   \
    X("undersized-standby", undersizedStandby)                                                     \
    X("cross-shard-read", crossShardRead)                                                          \
    X("uncoordinated-singleton", uncoordinatedSingleton)                                           \
    X("polling-for-events", pollingForEvents)                                                      \
    X("pubsub-request-reply", pubsubRequestReply)                                                  \
    X("async-job-without-limits", asyncJobWithoutLimits)                                           \
    X("cache-saves-little", cacheSavesLittle)                                                      \
    X("long-pipeline", longPipeline)                                                               \
    X("entity-services", entityServices)

#define ARCHLENS_DECLARE_RULE(id, function) void function(const Context&, std::vector<Finding>&);
ARCHLENS_RULES(ARCHLENS_DECLARE_RULE)
#undef ARCHLENS_DECLARE_RULE

/// (rule id, function) for every rule.
const std::vector<std::pair<std::string, RuleFunction>>& allRules();

} // namespace archlens::rules
