#pragma once
// The event-queue implementations every queue-generic test runs over, as a Catch2 type list:
// a change of arity or container must never change what a model computes.
#include "bedflow/engine/dary_heap_queue.hpp"
#include "bedflow/engine/radix_event_queue.hpp"
#include "bedflow/engine/reference_queue.hpp"

#define BEDFLOW_ALL_QUEUES \
  bedflow::engine::BinaryHeapQueue, bedflow::engine::QuaternaryHeapQueue, \
      bedflow::engine::RadixEventQueue, bedflow::engine::ReferenceQueue
