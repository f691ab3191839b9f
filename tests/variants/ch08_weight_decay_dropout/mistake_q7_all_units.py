# Counts every unit as active: forgets that dropout removes a fraction p of them during training.
# expect-lose: q7_active_units_tests
# %% q6_q7_answers
q6_grad_w5 = 0.1
q6_grad_w01 = 0.002
q7_active_units = 128
