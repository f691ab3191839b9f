# The penalty gradient written as lambda * w, forgetting the factor 2 from the square.
# expect-lose: q6_l2_gradient_tests
# %% q6_q7_answers
q6_grad_w5 = 0.01 * 5.0
q6_grad_w01 = 0.01 * 0.1
q7_active_units = 64
