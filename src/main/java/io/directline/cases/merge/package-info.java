/** Cases follow their owner when two owners are merged (and go back when the merge is undone). */
package io.directline.cases.merge;
