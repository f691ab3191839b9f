# The walk-through answered with the chapter's min_delta = 0.001 instead of 0.02.
# expect-lose: q1_walkthrough_tests
# %% numeric_answers
q1_stop_epoch = 11
q1_restored_epoch = 8
