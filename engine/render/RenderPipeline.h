#pragma once
// The hand-over between a render's reader threads, its GPU thread and its writer threads: frames
// in order within a bounded look-ahead, a bounded write queue, recycled frame buffers, and one
// first error (or a cancel) that stops everyone.
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "engine/io/Frame.h"

namespace tinct {

// Shared between the reader, GPU and writer threads: the first error stops everyone, except that a
// frame that cannot be read stops the render only once every frame before it is written.
class RenderPipeline {
public:
    explicit RenderPipeline(size_t lookahead) : lookahead_(lookahead) {}

    void fail(std::exception_ptr error) {
        std::lock_guard lock(mutex_);
        if (!error_) error_ = error;
        cv_.notify_all();
    }
    bool failed() {
        std::lock_guard lock(mutex_);
        return bool(error_);
    }
    void rethrow() {
        if (error_) std::rethrow_exception(error_);
    }

    // Readers: wait until frame `index` is within the look-ahead window, then hand it over. False when
    // the render stops, or a frame before it could not be read.
    bool waitToRead(size_t index) {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return error_ || index < consumed_ + lookahead_; });
        return !error_ && !(readError_ && readErrorAt_ < index);
    }
    // Readers: frame `index` cannot be read. The frames before it go on to be graded and written.
    void failRead(size_t index, std::exception_ptr error) {
        std::lock_guard lock(mutex_);
        if (!readError_ || index < readErrorAt_) readError_ = error, readErrorAt_ = index;
        cv_.notify_all();
    }
    void putRead(size_t index, Frame frame) {
        std::lock_guard lock(mutex_);
        read_.emplace(index, std::move(frame));
        cv_.notify_all();
    }
    // GPU thread: frames in order. Throws the reader's error for a frame that could not be read.
    std::optional<Frame> takeRead(size_t index) {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return error_ || read_.count(index) || (readError_ && readErrorAt_ == index); });
        if (error_) return std::nullopt;
        if (!read_.count(index)) std::rethrow_exception(readError_);
        Frame f = std::move(read_.at(index));
        read_.erase(index);
        consumed_ = index + 1;
        cv_.notify_all();
        return f;
    }

    // Frames whose pixels were written, to be read into again: no allocation or page faults per
    // frame once the pipeline is full.
    Frame recycledFrame() {
        std::lock_guard lock(mutex_);
        if (free_.empty()) return Frame{};
        Frame f = std::move(free_.back());
        free_.pop_back();
        return f;
    }
    void recycle(Frame frame) {
        std::lock_guard lock(mutex_);
        free_.push_back(std::move(frame));
    }

    // GPU thread -> writers, bounded so graded frames cannot pile up in memory.
    bool putWrite(size_t index, Frame frame) {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return error_ || toWrite_.size() < lookahead_; });
        if (error_) return false;
        toWrite_.emplace_back(index, std::move(frame));
        cv_.notify_all();
        return true;
    }
    void closeWrites() {
        std::lock_guard lock(mutex_);
        writesClosed_ = true;
        cv_.notify_all();
    }
    std::optional<std::pair<size_t, Frame>> takeWrite() {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return error_ || !toWrite_.empty() || writesClosed_; });
        if (error_ || toWrite_.empty()) return std::nullopt;
        auto item = std::move(toWrite_.front());
        toWrite_.pop_front();
        cv_.notify_all();
        return item;
    }

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    std::exception_ptr error_;
    std::exception_ptr readError_;  // the first frame that could not be read, at readErrorAt_
    size_t readErrorAt_ = 0;
    size_t lookahead_;
    size_t consumed_ = 0;
    std::map<size_t, Frame> read_;
    std::deque<std::pair<size_t, Frame>> toWrite_;
    std::vector<Frame> free_;
    bool writesClosed_ = false;
};

}  // namespace tinct
